package io.siftbench.app.cli;

import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import picocli.CommandLine;

/** A pipeline version named on the command line as {@code NAME[@V]}: the newest when {@code @V} is left out. */
final class PipelineRef {

    private PipelineRef() {}

    /** @see VersionRef#resolve */
    static StoredPipeline resolve(Project project, String ref, CommandLine command) {
        return new VersionRef<>("pipeline", project.pipelines()::versions, StoredPipeline::version)
                .resolve(project, ref, command);
    }
}
