package io.siftbench.views.prompts;

import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.SerialTaskQueue;
import io.siftbench.views.task.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The studio's unsaved draft of each project, kept as a prompt file in a folder beside the settings, so that a
 * draft not saved as a version is there again after the application closed or crashed. Written in the order the
 * edits came, in the background; one file per project, named from the project file's path.
 */
final class KeptDrafts {

    private final Path folder;
    private final TaskExecutor tasks;
    private final SerialTaskQueue writes;
    private final Consumer<String> report;

    /** @param report where a draft that could not be kept or read is told */
    KeptDrafts(Path folder, TaskExecutor tasks, Consumer<String> report) {
        this.folder = folder;
        this.tasks = tasks;
        this.writes = new SerialTaskQueue(tasks, "Keeping the prompt draft");
        this.report = report;
    }

    /** Keeps {@code draft} as the unsaved draft of {@code project}, in place of the one kept before. */
    void keep(Path project, PromptVersion draft) {
        String json = PromptFile.write(draft);
        writes.submit(
                () -> {
                    Files.createDirectories(folder);
                    Path file = fileOf(project);
                    Path next = file.resolveSibling(file.getFileName() + ".tmp");
                    Files.writeString(next, json);
                    // Whole or not at all: a crash while writing leaves the draft kept before.
                    return Files.move(
                            next,
                            file,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                },
                kept -> {},
                e -> report.accept("The draft could not be kept for the next start: " + e.getMessage()));
    }

    /** Forgets the draft kept for {@code project}: it was saved as a version, or discarded. */
    void forget(Path project) {
        writes.submit(
                () -> Files.deleteIfExists(fileOf(project)),
                gone -> {},
                e -> report.accept("The kept draft could not be removed: " + e.getMessage()));
    }

    /** Reads the draft kept for {@code project} in the background and hands it to {@code found}, if there is one. */
    void restore(Path project, Consumer<PromptVersion> found) {
        Path file = fileOf(project);
        tasks.execute(BackgroundTask.of(
                        "Reading the kept prompt draft",
                        p -> Files.exists(file)
                                ? Optional.of(PromptFile.readStored(Files.readString(file), file.toString()))
                                : Optional.<PromptVersion>empty())
                .quiet()
                .onSuccess(kept -> kept.ifPresent(found))
                .onFailure(e ->
                        report.accept("The draft kept from the last session could not be read: " + e.getMessage())));
    }

    /** Writes what is still waiting now, on the calling thread; for closing the application. */
    void flush() {
        writes.flush();
    }

    private Path fileOf(Path project) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(project.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 12) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
