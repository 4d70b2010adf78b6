package io.siftbench.app.cli;

import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.StepDialogue;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code siftbench pipeline add --project P --file pipeline.json}: saves the file as the pipeline's next version. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Save a pipeline file (docs/ARCHITECTURE.md, \"The pipeline file\") as the next version of its"
                + " pipeline, every step's prompt pinned to a version; prints {name, version, steps}.")
public final class PipelineAddCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--file", required = true, paramLabel = "F", description = "The pipeline file (JSON).")
    Path file;

    @Spec
    CommandSpec spec;

    /** What is printed: the version to name in {@code run --pipeline NAME@V}, and each step's pinned prompt. */
    record Added(String name, int version, List<String> steps) {}

    @Override
    public Integer call() {
        // Read and check the file before opening the project, so a bad file never creates or touches one.
        Pipeline pipeline = PipelineFile.read(file);
        try (Project open = project.open()) {
            StoredPipeline saved = open.pipelines().save(pipeline);
            JsonOut.print(spec.commandLine().getOut(), new Added(saved.name(), saved.version(), steps(saved)));
        }
        return 0;
    }

    /**
     * Each step as "NAME: PROMPT@V ← INPUT", and the step it is preferred over, the seeds and target it bootstraps
     * from and to, the tree it grows or the tree whose leaves it takes, if any; a dialogue as "NAME: dialogue
     * USER@V / ASSISTANT@V, up to K turns or until 'STOP' ← INPUT".
     */
    static List<String> steps(StoredPipeline saved) {
        return saved.pipeline().steps().stream()
                .map(s -> s.name() + ": " + (s.dialogue() == null ? s.prompt() : dialogue(s.dialogue())) + " ← "
                        + s.input()
                        + (s.select() == null ? "" : " (" + s.select() + ")")
                        + (s.prefer() == null
                                ? ""
                                : ", preferred over " + s.prefer().over())
                        + (s.bootstrap() == null
                                ? ""
                                : ", bootstraps from " + s.bootstrap().seeds() + " to "
                                        + s.bootstrap().target())
                        + (s.tree() == null
                                ? ""
                                : ", grows a tree from '" + s.tree().root() + "' to depth "
                                        + s.tree().depth())
                        + (s.leaves() == null
                                ? ""
                                : ", " + s.leaves().perLeaf() + " per leaf of "
                                        + s.leaves().of() + " as " + s.leaves().conditionName()))
                .toList();
    }

    private static String dialogue(StepDialogue d) {
        return "dialogue " + d.user() + " / " + d.assistant() + ", up to " + d.turnLimit() + " turns"
                + (d.stop() == null ? "" : " or until '" + d.stop() + "'");
    }
}
