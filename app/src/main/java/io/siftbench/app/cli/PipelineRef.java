package io.siftbench.app.cli;

import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptNames;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A pipeline version named on the command line as {@code NAME[@V]}: the newest when {@code @V} is left out. */
final class PipelineRef {

    private PipelineRef() {}

    /** @throws ParameterException naming what is missing: the pipeline, or the version with the ones there are */
    static StoredPipeline resolve(Project project, String ref, CommandLine command) {
        int at = ref.lastIndexOf('@');
        String name = at < 0 ? ref : ref.substring(0, at);
        List<StoredPipeline> versions = project.pipelines().versions(name);
        if (versions.isEmpty()) {
            throw new ParameterException(
                    command,
                    "There is no pipeline '" + PromptNames.shown(name) + "' in " + project.file()
                            + "; add one with: siftbench pipeline add --project P --file pipeline.json");
        }
        if (at < 0) {
            return versions.get(versions.size() - 1);
        }
        String version = ref.substring(at + 1);
        return versions.stream()
                .filter(v -> String.valueOf(v.version()).equals(version))
                .findFirst()
                .orElseThrow(() -> new ParameterException(
                        command,
                        "Pipeline '" + PromptNames.shown(name) + "' has no version " + PromptNames.shown(version)
                                + " (it has 1 to " + versions.size() + ")."));
    }
}
