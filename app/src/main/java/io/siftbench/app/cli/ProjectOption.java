package io.siftbench.app.cli;

import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --project P}: the project file, created where none exists. */
public final class ProjectOption {

    @Option(
            names = "--project",
            required = true,
            paramLabel = "P",
            description = "Project file (.mv.db is added where missing); a new project is created where none exists.")
    Path project;

    public Project open() {
        return new H2ProjectOpener().open(project);
    }
}
