package io.siftbench.model.prompts;

import java.util.List;

/**
 * The prompts of one project and their versions. Versions are immutable: saving always makes the next
 * version, and nothing ever changes or removes an old one, so every run can show what it was asked with.
 */
public interface PromptStore {

    /**
     * Saves {@code version} as version n+1 of the prompt of its name (1 for a new prompt), with its note.
     *
     * @throws PromptFileException naming the fields when the version is not valid (see {@link PromptValidator})
     */
    StoredVersion save(PromptVersion version);

    /** The newest version of every prompt, ordered by name. */
    List<StoredVersion> list();

    /** Every version of the prompt {@code name}, oldest first; empty when there is no such prompt. */
    List<StoredVersion> versions(String name);

    /**
     * Every version of every prompt, the prompts by name, each one's newest version first: what a chooser of
     * versions offers, the one usually wanted at the top of its prompt.
     */
    default List<StoredVersion> everyVersion() {
        List<StoredVersion> all = new java.util.ArrayList<>();
        for (StoredVersion newest : list()) {
            List<StoredVersion> of = new java.util.ArrayList<>(versions(newest.name()));
            java.util.Collections.reverse(of);
            all.addAll(of);
        }
        return all;
    }

    /** @throws io.siftbench.model.project.ProjectException when there is no such version */
    PromptVersion load(String name, int version);

    /** @throws io.siftbench.model.project.ProjectException when there is no such version */
    PromptVersion load(long versionId);

    /** The line diff between two versions of a prompt, as prompt files, older first. */
    List<DiffLine> diff(String name, int fromVersion, int toVersion);
}
