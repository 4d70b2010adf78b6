package io.siftbench.app.cli;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.StoredVersion;
import picocli.CommandLine;

/** A prompt version named on the command line as {@code NAME[@V]}: the newest version when {@code @V} is left out. */
final class PromptRef {

    private PromptRef() {}

    /** @see VersionRef#resolve */
    static StoredVersion resolve(Project project, String ref, CommandLine command) {
        return new VersionRef<>("prompt", project.prompts()::versions, StoredVersion::version)
                .resolve(project, ref, command);
    }
}
