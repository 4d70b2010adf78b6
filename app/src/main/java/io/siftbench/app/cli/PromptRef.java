package io.siftbench.app.cli;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.StoredVersion;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.util.List;

/** A prompt version named on the command line as {@code NAME[@V]}: the newest version when {@code @V} is left out. */
final class PromptRef {

    private PromptRef() {
    }

    /**
     * The version {@code ref} names in {@code project}.
     *
     * @throws ParameterException naming what is missing: the prompt, or the version with the ones there are
     */
    static StoredVersion resolve(Project project, String ref, CommandLine command) {
        String[] nameAndVersion = ref.split("@", 2);
        List<StoredVersion> versions = project.prompts().versions(nameAndVersion[0]);
        if (versions.isEmpty()) {
            throw new ParameterException(command, "There is no prompt '" + nameAndVersion[0] + "' in "
                    + project.file() + "; add one with: siftbench prompt add --project P --file prompt.json");
        }
        return nameAndVersion.length == 1 ? versions.get(versions.size() - 1)
                : versions.stream().filter(v -> String.valueOf(v.version()).equals(nameAndVersion[1])).findFirst()
                .orElseThrow(() -> new ParameterException(command, "Prompt '" + nameAndVersion[0]
                        + "' has no version " + nameAndVersion[1] + " (it has 1 to " + versions.size() + ")."));
    }
}
