package io.siftbench.views.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.HostServices;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's own file dialogs, and its file manager for a folder. */
public final class NativeFileDialogs implements FileDialogs {

    private final HostServices desktop;

    public NativeFileDialogs(HostServices desktop) {
        this.desktop = desktop;
    }

    @Override
    public void showFolder(Path folder) {
        desktop.showDocument(folder.toUri().toString());
    }

    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Siftbench project (*.mv.db)", "*.mv.db");
    private static final FileChooser.ExtensionFilter BATCH_FILES =
            new FileChooser.ExtensionFilter("OpenAI batch file (*.jsonl)", "*.jsonl");

    @Override
    public Optional<Path> chooseNewProject(Window owner) {
        return chooseProjectFile(owner, "New project", "project.mv.db");
    }

    @Override
    public Optional<Path> chooseNewExampleProject(Window owner) {
        return chooseProjectFile(owner, "New example project", "example.mv.db");
    }

    private static Optional<Path> chooseProjectFile(Window owner, String title, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(PROJECTS);
        chooser.setInitialFileName(suggested);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseDatasetToImport(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import dataset");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Datasets (CSV, TSV, JSONL, JSON, optionally .gz)",
                                "*.csv",
                                "*.tsv",
                                "*.jsonl",
                                "*.ndjson",
                                "*.json",
                                "*.csv.gz",
                                "*.tsv.gz",
                                "*.jsonl.gz",
                                "*.ndjson.gz",
                                "*.json.gz"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseBatchFileToWrite(Window owner, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export batch file");
        chooser.getExtensionFilters().add(BATCH_FILES);
        chooser.setInitialFileName(suggested);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseBatchOutput(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import batch output");
        chooser.getExtensionFilters().addAll(BATCH_FILES, new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseProjectToOpen(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open project");
        chooser.getExtensionFilters().add(PROJECTS);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }
}
