package io.siftbench.views.testing;

import io.siftbench.views.shell.FileDialogs;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * File dialogs that a UI test answers for the user: each gives its file, or nothing where the test gave none.
 *
 * @param newProject      where File ▸ New project creates one
 * @param projectToOpen   what File ▸ Open project opens
 * @param datasetToImport what Datasets ▸ Import dataset imports
 */
public record AnsweredFileDialogs(Path newProject, Path projectToOpen, Path datasetToImport) implements FileDialogs {

    /** Dialogs that open {@code project} and create or import nothing. */
    public static AnsweredFileDialogs opening(Path project) {
        return new AnsweredFileDialogs(null, project, null);
    }

    /** Dialogs that create {@code project} and open or import nothing. */
    public static AnsweredFileDialogs creating(Path project) {
        return new AnsweredFileDialogs(project, null, null);
    }

    /** Dialogs that import {@code dataset} and create or open no project. */
    public static AnsweredFileDialogs importing(Path dataset) {
        return new AnsweredFileDialogs(null, null, dataset);
    }

    @Override
    public Optional<Path> chooseNewProject(Window owner) {
        return Optional.ofNullable(newProject);
    }

    @Override
    public Optional<Path> chooseProjectToOpen(Window owner) {
        return Optional.ofNullable(projectToOpen);
    }

    @Override
    public Optional<Path> chooseDatasetToImport(Window owner) {
        return Optional.ofNullable(datasetToImport);
    }
}
