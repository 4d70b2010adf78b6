package io.siftbench.views.shell;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Asks the user for files and shows folders. The native dialogs sit behind this so that UI tests can answer for
 * the user.
 */
public interface FileDialogs {

    Optional<Path> chooseNewProject(Window owner);

    /** Where the example project goes; where a new project would, unless the dialog says it is the example's. */
    default Optional<Path> chooseNewExampleProject(Window owner) {
        return chooseNewProject(owner);
    }

    Optional<Path> chooseProjectToOpen(Window owner);

    /** A CSV, TSV, JSONL or JSON file (optionally .gz) to import; none by default, for dialogs that only open projects. */
    default Optional<Path> chooseDatasetToImport(Window owner) {
        return Optional.empty();
    }

    /** Where a run's batch-input file goes ({@code suggested} its name); none by default. */
    default Optional<Path> chooseBatchFileToWrite(Window owner, String suggested) {
        return Optional.empty();
    }

    /** A batch-output file (JSONL) to import into a run; none by default. */
    default Optional<Path> chooseBatchOutput(Window owner) {
        return Optional.empty();
    }

    /** Shows {@code folder} in the desktop's file manager; nothing by default, for dialogs that only open projects. */
    default void showFolder(Path folder) {}
}
