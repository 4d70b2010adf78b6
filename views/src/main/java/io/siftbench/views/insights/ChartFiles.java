package io.siftbench.views.insights;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks where a chart's PNG goes. The native dialog sits behind this so that UI tests can answer for the user. */
@FunctionalInterface
public interface ChartFiles {

    Optional<Path> choosePng(Window owner, String suggestedName);

    /** The platform's save dialog. */
    static ChartFiles nativeDialog() {
        return (owner, suggestedName) -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Save chart as PNG");
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PNG image", "*.png"));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }
}
