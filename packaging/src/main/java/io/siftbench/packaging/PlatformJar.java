package io.siftbench.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runnable fat jar cut down to one platform. Most of its size is native libraries for systems the
 * image will never run on (ONNX Runtime, DJL tokenizers, java-llama.cpp and JNA ship them all); the image
 * keeps only its own. {@code app/target/siftbench.jar} itself is never changed.
 */
public final class PlatformJar {

    private PlatformJar() {}

    /** What was left out of the copy. */
    public record Trimmed(int entries, long bytes) {}

    /** Copies {@code fatJar} to {@code target} without the native libraries of platforms other than {@code platform}. */
    public static Trimmed write(Path fatJar, TargetPlatform platform, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(fatJar, target, StandardCopyOption.REPLACE_EXISTING);
            // The zip file system copies the untouched entries as they are, without inflating them again.
            try (FileSystem jar = FileSystems.newFileSystem(
                    URI.create("jar:" + target.toAbsolutePath().toUri()), Map.of())) {
                List<Path> foreign;
                try (Stream<Path> all = Files.walk(jar.getPath("/"))) {
                    foreign = all.filter(Files::isRegularFile)
                            .filter(p ->
                                    platform.isForeignNativeLibrary(p.toString().substring(1)))
                            .toList();
                }
                long bytes = 0;
                for (Path p : foreign) {
                    bytes += Files.size(p);
                    Files.delete(p);
                }
                return new Trimmed(foreign.size(), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the " + platform + " jar " + target + " from " + fatJar, e);
        }
    }
}
