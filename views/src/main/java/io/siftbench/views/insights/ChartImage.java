package io.siftbench.views.insights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** Writes a chart's snapshot to a PNG file; runs in the background, as it touches the disk. */
final class ChartImage {

    private ChartImage() {}

    /** Writes beside the target first, so that a failed or half-done write never leaves a broken PNG behind. */
    static Path write(Image image, Path file) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", part.toFile())) {
                throw new IOException("no PNG writer is available");
            }
            return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the chart to " + file + ": " + e.getMessage(), e);
        }
    }
}
