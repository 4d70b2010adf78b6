package io.siftbench.app.cli;

import io.siftbench.model.project.Project;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code siftbench pipelines --project P}: the newest version of each pipeline, by name. */
@Command(
        name = "pipelines",
        mixinStandardHelpOptions = true,
        description = "List the pipelines of a project, each one's newest version: [{name, version, note, steps}].")
public final class PipelinesCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    /** One pipeline as printed; {@code steps} as "NAME: PROMPT@V ← INPUT". */
    record Listed(String name, int version, String note, List<String> steps) {}

    @Override
    public Integer call() {
        try (Project open = project.open()) {
            JsonOut.print(
                    spec.commandLine().getOut(),
                    open.pipelines().list().stream()
                            .map(p -> new Listed(
                                    p.name(), p.version(), p.pipeline().note(), PipelineAddCommand.steps(p)))
                            .toList());
        }
        return 0;
    }
}
