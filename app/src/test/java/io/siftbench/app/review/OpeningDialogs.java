package io.siftbench.app.review;

import io.siftbench.views.shell.FileDialogs;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/** File dialogs as a researcher answers them who opens one existing project and never creates one. */
final class OpeningDialogs implements FileDialogs {

    private final Path project;

    OpeningDialogs(Path project) {
        this.project = project;
    }

    @Override
    public Optional<Path> chooseNewProject(Window owner) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseProjectToOpen(Window owner) {
        return Optional.of(project);
    }
}
