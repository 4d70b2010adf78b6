package io.siftbench.views.controls;

import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.SerialTaskQueue;
import io.siftbench.views.task.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An editor's edits not saved yet, kept as a file in a folder beside the settings, so that what was typed is there
 * again after the application closed or crashed. Written in the order the edits came, in the background, whole or
 * not at all, and readable by the user alone (a backend's edits may hold its API key). One file per name.
 */
public final class KeptEdits {

    /** Reads the edits back from the text kept in {@code file}; refuses a text that is not theirs. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(String text, Path file) throws Exception;
    }

    private final Path folder;
    private final TaskExecutor tasks;
    private final SerialTaskQueue writes;
    private final String what;
    private final Consumer<String> report;

    /**
     * @param what   the edits as the user knows them ("draft", "backend edits"), for what is reported
     * @param report where edits that could not be kept or read are told
     */
    public KeptEdits(Path folder, TaskExecutor tasks, String what, Consumer<String> report) {
        this.folder = folder;
        this.tasks = tasks;
        this.writes = new SerialTaskQueue(tasks, "Keeping the " + what);
        this.what = what;
        this.report = report;
    }

    /** Keeps {@code text} as the edits called {@code name}, in place of those kept before. */
    public void keep(String name, String text) {
        writes.submit(
                () -> {
                    Files.createDirectories(folder);
                    Path file = folder.resolve(name);
                    Path next = file.resolveSibling(name + ".tmp");
                    Files.deleteIfExists(next);
                    Files.createFile(next);
                    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
                    }
                    Files.writeString(next, text);
                    // Whole or not at all: a crash while writing leaves the edits kept before.
                    try {
                        return Files.move(
                                next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                },
                kept -> {},
                e -> report.accept("The " + what + " could not be kept for the next start: " + e.getMessage()));
    }

    /** Forgets the edits called {@code name}: they were saved, or discarded. */
    public void forget(String name) {
        writes.submit(
                () -> Files.deleteIfExists(folder.resolve(name)),
                gone -> {},
                e -> report.accept("The kept " + what + " could not be removed: " + e.getMessage()));
    }

    /** Reads the edits called {@code name} in the background and hands them to {@code found}, if there are any. */
    public <T> void restore(String name, Reader<T> reader, Consumer<T> found) {
        Path file = folder.resolve(name);
        tasks.execute(BackgroundTask.of(
                        "Reading the kept " + what,
                        p -> Files.exists(file)
                                ? Optional.of(reader.read(Files.readString(file), file))
                                : Optional.<T>empty())
                .quiet()
                .onSuccess(kept -> kept.ifPresent(found))
                .onFailure(e -> report.accept(
                        "The " + what + " kept from the last session could not be read: " + e.getMessage())));
    }

    /** Writes what is still waiting now, on the calling thread; for closing the application. */
    public void flush() {
        writes.flush();
    }

    /**
     * The name of the file that keeps an editor's edits of {@code project}: one per project path, named from a digest
     * of it (a path may hold characters a file name cannot), ending in {@code suffix}, which tells editors apart.
     */
    public static String fileOf(Path project, String suffix) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(project.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
