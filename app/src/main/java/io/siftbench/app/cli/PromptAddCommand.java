package io.siftbench.app.cli;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code siftbench prompt add --project P --file prompt.json}: saves the file as the prompt's next version. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description =
                "Save a prompt file (docs/ARCHITECTURE.md, \"The prompt file\") as the next version of its prompt; prints {name, version}.")
public final class PromptAddCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--file", required = true, paramLabel = "F", description = "The prompt file (JSON).")
    Path file;

    @Spec
    CommandSpec spec;

    /** What is printed: enough to name the version in {@code run --prompt NAME@V}. */
    record Added(String name, int version) {}

    @Override
    public Integer call() {
        // Read and check the file before opening the project, so a bad file never creates or touches one.
        PromptVersion version = PromptFile.read(file);
        try (Project open = project.open()) {
            StoredVersion saved = open.prompts().save(version);
            JsonOut.print(spec.commandLine().getOut(), new Added(saved.name(), saved.version()));
        }
        return 0;
    }
}
