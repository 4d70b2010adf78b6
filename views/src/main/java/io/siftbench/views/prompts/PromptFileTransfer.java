package io.siftbench.views.prompts;

import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The draft written to and read from a prompt file, outside any project: how a prompt goes from one project to
 * another, or to a colleague. Files are read and written in the background.
 */
public final class PromptFileTransfer {

    private final TaskExecutor tasks;
    private final Supplier<PromptVersion> draft;
    private final Consumer<PromptVersion> adopt;
    private final Consumer<String> report;

    /**
     * @param draft  the draft as a version; throws {@link IllegalArgumentException} naming the field that is wrong
     * @param adopt  makes a version read from a file the draft, as a prompt not saved yet
     * @param report where what happened (or went wrong) is told
     */
    PromptFileTransfer(
            TaskExecutor tasks, Supplier<PromptVersion> draft, Consumer<PromptVersion> adopt, Consumer<String> report) {
        this.tasks = tasks;
        this.draft = draft;
        this.adopt = adopt;
        this.report = report;
    }

    /** Writes the draft as a prompt file to {@code file}. */
    public void exportTo(Path file) {
        String json;
        try {
            json = PromptFile.write(draft.get());
        } catch (RuntimeException e) {
            report.accept("Cannot export: " + e.getMessage());
            return;
        }
        tasks.execute(BackgroundTask.of("Exporting prompt", progress -> Files.writeString(file, json))
                .quiet()
                .onSuccess(written -> report.accept("Exported to " + file))
                .onFailure(e -> report.accept("Cannot export to " + file + ": " + e.getMessage())));
    }

    /** Reads a prompt file into the draft; saving it then makes it a version. A bad file leaves the draft as it was. */
    public void importFrom(Path file) {
        tasks.execute(BackgroundTask.of("Importing prompt", progress -> PromptFile.read(file))
                .quiet()
                .onSuccess(v -> {
                    adopt.accept(v);
                    report.accept(
                            "Imported " + file.getFileName() + "; save it to make it a version of '" + v.name() + "'");
                })
                .onFailure(e -> report.accept(e.getMessage())));
    }
}
