package io.siftbench.views.shell;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for files. The native dialogs sit behind this so that UI tests can answer for the user. */
public interface FileDialogs {

    Optional<Path> chooseNewProject(Window owner);

    Optional<Path> chooseProjectToOpen(Window owner);
}
