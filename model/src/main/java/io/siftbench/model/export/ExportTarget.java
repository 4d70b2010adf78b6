package io.siftbench.model.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The folder an export is written to, which holds the previous export or the new one, never a mix of them.
 *
 * <p>Every file of an export (data, splits, negatives, card) is first written beside its place under a
 * {@value #PARTIAL_SUFFIX} name, which no reader takes for data. When all are complete they are flushed to
 * disk and the export is committed by one atomic rename: that of the journal ({@value #JOURNAL}), which
 * lists the files to move into place and the files of the previous export the new one does not have (a
 * split export replacing an unsplit one, say). Then the moves and removals are carried out and the journal
 * deleted. Several renames are never atomic together, so a kill during them would leave a mix; the journal
 * is what repairs it: {@link #settle} runs before every export to the folder, finishes the moves of a
 * journal it finds (the new export was complete, so going forward is always possible) and deletes partial
 * files with no journal (an export killed before it was complete, so the previous one stays). Rolling
 * forward rather than back means no backup copy of the previous export is ever needed.
 */
public final class ExportTarget {

    /** Ends the name of a file of an export that is not complete yet. */
    public static final String PARTIAL_SUFFIX = ".siftbench-partial";
    /** The file naming the moves of a committed export still being put in place. */
    public static final String JOURNAL = "siftbench-export.journal";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    /** The files of the export being written, in the order written: the card last. */
    private final List<Path> staged = new ArrayList<>();
    /** Set once the journal is in place: from then on the partial files are the export, never discarded. */
    private boolean committed;

    /** The moves of a committed export: file names in the folder. */
    record Journal(List<String> replace, List<String> remove) {}

    public ExportTarget(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /** Where {@code file}, in this folder, is written until the export is committed; it is part of the commit. */
    Path stage(Path file) {
        staged.add(folder.resolve(file.getFileName()));
        return partial(file);
    }

    private Path partial(Path file) {
        return folder.resolve(file.getFileName() + PARTIAL_SUFFIX);
    }

    /**
     * Leaves the folder with one whole export in it: finishes putting in place a committed export that was
     * interrupted, and deletes what an export killed before it was complete left. Does nothing to a folder
     * that is settled already or does not exist.
     */
    public void settle() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try {
            Path journal = folder.resolve(JOURNAL);
            if (Files.exists(journal)) {
                Journal moves;
                try {
                    moves = JSON.readValue(journal.toFile(), Journal.class);
                } catch (IOException e) {
                    throw new IllegalStateException(
                            "The export journal " + journal + " cannot be read, so the"
                                    + " export it names cannot be finished; delete it and every *" + PARTIAL_SUFFIX
                                    + " file in " + folder + ", then export again",
                            e);
                }
                apply(moves);
                Files.delete(journal);
            }
            for (Path left : partials()) {
                Files.deleteIfExists(left);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not tidy up the earlier export in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the staged files, complete now, in place and removes the {@code replaced} files that the new
     * export does not have, as one commit (see the class comment).
     */
    void commit(Collection<Path> replaced) throws IOException {
        List<String> replace = new ArrayList<>();
        for (Path file : staged) {
            flush(partial(file));
            replace.add(file.getFileName().toString());
        }
        List<String> remove = new ArrayList<>();
        for (Path file : replaced) {
            if (!replace.contains(file.getFileName().toString()) && Files.exists(folder.resolve(file.getFileName()))) {
                remove.add(file.getFileName().toString());
            }
        }
        Journal moves = new Journal(replace, remove);
        Path journal = folder.resolve(JOURNAL);
        Path written = partial(journal);
        Files.write(written, JSON.writeValueAsBytes(moves));
        flush(written);
        move(written, journal);
        committed = true;
        apply(moves);
        Files.delete(journal);
    }

    /**
     * Deletes the partial files of an export that failed before it was committed, leaving the previous
     * export as it was. After the commit they are left for {@link #settle} to put in place.
     */
    void discard() {
        if (committed) {
            return;
        }
        for (Path file : staged) {
            try {
                Files.deleteIfExists(partial(file));
            } catch (IOException e) {
                // Left for the next export to this folder, which deletes it before it writes.
            }
        }
    }

    private void apply(Journal moves) throws IOException {
        for (String name : moves.remove()) {
            Files.deleteIfExists(folder.resolve(name));
        }
        for (String name : moves.replace()) {
            Path file = folder.resolve(name);
            Path partial = partial(file);
            // Absent when an interrupted settle had moved it already.
            if (Files.exists(partial)) {
                move(partial, file);
            }
        }
    }

    private List<Path> partials() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + PARTIAL_SUFFIX)) {
            files.forEach(found::add);
        }
        return found;
    }

    /** On disk before the journal names it, so that a power cut cannot commit a file still in the cache. */
    private static void flush(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
