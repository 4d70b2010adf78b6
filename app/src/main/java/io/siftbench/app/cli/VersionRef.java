package io.siftbench.app.cli;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptNames;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A version of something versioned (a prompt, a pipeline) named on the command line as {@code NAME[@V]}: the newest
 * version when {@code @V} is left out. The version follows the last {@code @}: a name has none now, and one saved
 * with an {@code @} before names were checked is still reached as {@code NAME@V}.
 *
 * @param kind     how a message names the thing: "prompt", "pipeline"
 * @param versions every version of a name, oldest first; empty when there is no such name
 * @param number   a version's number
 */
record VersionRef<T>(String kind, Function<String, List<T>> versions, ToIntFunction<T> number) {

    /**
     * The version {@code ref} names in {@code project}.
     *
     * @throws ParameterException naming what is missing: the name (and how to add one), or the version with the
     *     ones there are
     */
    T resolve(Project project, String ref, CommandLine command) {
        int at = ref.lastIndexOf('@');
        String name = at < 0 ? ref : ref.substring(0, at);
        List<T> all = versions.apply(name);
        if (all.isEmpty()) {
            throw new ParameterException(
                    command,
                    "There is no " + kind + " '" + PromptNames.shown(name) + "' in " + project.file()
                            + "; add one with:" + " siftbench " + kind + " add --project P --file " + kind + ".json");
        }
        if (at < 0) {
            return all.get(all.size() - 1);
        }
        String version = ref.substring(at + 1);
        return all.stream()
                .filter(v -> String.valueOf(number.applyAsInt(v)).equals(version))
                .findFirst()
                .orElseThrow(() -> new ParameterException(
                        command,
                        Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " '" + PromptNames.shown(name)
                                + "' has no version " + PromptNames.shown(version) + " (it has 1 to " + all.size()
                                + ")."));
    }
}
