package io.siftbench.views.prompts;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's own file dialogs, showing prompt files (.json). */
public final class NativePromptFileDialogs implements PromptFileDialogs {

    @Override
    public Optional<Path> chooseExport(Window owner, String suggestedName) {
        FileChooser chooser = chooser("Export prompt version");
        chooser.setInitialFileName(suggestedName + ".json");
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseImport(Window owner) {
        return path(chooser("Import prompt file").showOpenDialog(owner));
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Prompt files (*.json)", "*.json"));
        return chooser;
    }

    private static Optional<Path> path(File file) {
        return Optional.ofNullable(file).map(File::toPath);
    }
}
