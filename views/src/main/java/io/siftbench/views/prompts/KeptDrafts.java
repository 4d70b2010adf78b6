package io.siftbench.views.prompts;

import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.views.controls.KeptEdits;
import io.siftbench.views.task.TaskExecutor;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The studio's unsaved draft of each project, kept as a prompt file in a folder beside the settings ({@link
 * KeptEdits}), so that a draft not saved as a version is there again after the application closed or crashed. One
 * file per project, named from the project file's path.
 */
final class KeptDrafts {

    private final KeptEdits kept;

    /** @param report where a draft that could not be kept or read is told */
    KeptDrafts(Path folder, TaskExecutor tasks, Consumer<String> report) {
        this.kept = new KeptEdits(folder, tasks, "draft", report);
    }

    /** Keeps {@code draft} as the unsaved draft of {@code project}, in place of the one kept before. */
    void keep(Path project, PromptVersion draft) {
        kept.keep(fileOf(project), PromptFile.write(draft));
    }

    /** Forgets the draft kept for {@code project}: it was saved as a version, or discarded. */
    void forget(Path project) {
        kept.forget(fileOf(project));
    }

    /** Reads the draft kept for {@code project} in the background and hands it to {@code found}, if there is one. */
    void restore(Path project, Consumer<PromptVersion> found) {
        kept.restore(fileOf(project), (text, file) -> PromptFile.readStored(text, file.toString()), found);
    }

    /** Writes what is still waiting now, on the calling thread; for closing the application. */
    void flush() {
        kept.flush();
    }

    private static String fileOf(Path project) {
        return KeptEdits.fileOf(project, ".json");
    }
}
