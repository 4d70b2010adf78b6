package io.siftbench.app.cli;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptNames;
import io.siftbench.model.prompts.StoredVersion;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A prompt version named on the command line as {@code NAME[@V]}: the newest version when {@code @V} is left out. */
final class PromptRef {

    private PromptRef() {}

    /**
     * The version {@code ref} names in {@code project}. The version follows the last {@code @}: a name has none
     * now, and one saved with an {@code @} before names were checked is still reached as {@code NAME@V}.
     *
     * @throws ParameterException naming what is missing: the prompt, or the version with the ones there are
     */
    static StoredVersion resolve(Project project, String ref, CommandLine command) {
        int at = ref.lastIndexOf('@');
        String name = at < 0 ? ref : ref.substring(0, at);
        List<StoredVersion> versions = project.prompts().versions(name);
        if (versions.isEmpty()) {
            throw new ParameterException(
                    command,
                    "There is no prompt '" + PromptNames.shown(name) + "' in " + project.file()
                            + "; add one with: siftbench prompt add --project P --file prompt.json");
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
                        "Prompt '" + PromptNames.shown(name) + "' has no version " + PromptNames.shown(version)
                                + " (it has 1 to " + versions.size() + ")."));
    }
}
