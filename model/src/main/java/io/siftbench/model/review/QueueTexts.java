package io.siftbench.model.review;

import io.siftbench.model.project.ProjectException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The texts of a review queue, kept in a temporary file rather than the heap, so that a queue of a million samples
 * holds 8 bytes a text (where it is in the file) whatever the texts' length. A text is read back with one positional
 * read, from the operating system's file cache as the file was written moments before. The file is deleted as soon
 * as it is open where the system allows (and closed when the queue is no longer held, or with the process
 * elsewhere), so nothing is left behind after a crash.
 *
 * <p>Written by one thread while the queue is read in, then read by any.
 */
final class QueueTexts {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BUFFER = 64 * 1024;

    private FileChannel channel;
    private long[] offsets;
    private final BitSet absent = new BitSet();
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFER);
    private long written;
    private int size;

    /** @param expected about how many texts will come: a large queue's offsets are made once */
    QueueTexts(int expected) {
        offsets = new long[Math.max(16, expected) + 1];
    }

    /** Keeps {@code text} (null too); its index is the number of texts kept before it. */
    synchronized int add(String text) {
        if (size + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int index = size++;
        if (text == null) {
            absent.set(index);
            offsets[size] = offsets[index];
            return index;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > pending.remaining()) {
            flush();
        }
        if (bytes.length > pending.capacity()) {
            write(ByteBuffer.wrap(bytes));
        } else {
            pending.put(bytes);
        }
        offsets[size] = offsets[index] + bytes.length;
        return index;
    }

    /** The text kept at {@code index}. */
    synchronized String text(int index) {
        if (absent.get(index)) {
            return null;
        }
        long from = offsets[index];
        int length = (int) (offsets[index + 1] - from);
        if (length == 0) {
            return "";
        }
        if (from + length > written) {
            flush();
        }
        ByteBuffer read = ByteBuffer.allocate(length);
        try {
            while (read.hasRemaining()) {
                if (channel.read(read, from + read.position()) < 0) {
                    throw new IOException("the file ends early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A review queue's text could not be read back from its temporary file", e);
        }
        return new String(read.array(), StandardCharsets.UTF_8);
    }

    private void flush() {
        pending.flip();
        if (pending.hasRemaining()) {
            write(pending);
        }
        pending.clear();
    }

    private void write(ByteBuffer bytes) {
        try {
            if (channel == null) {
                channel = open();
            }
            while (bytes.hasRemaining()) {
                written += channel.write(bytes, written);
            }
        } catch (IOException e) {
            throw new ProjectException(
                    "The review queue could not keep its texts in a temporary file (" + e.getMessage()
                            + "); is the temporary folder full?",
                    e);
        }
    }

    private FileChannel open() throws IOException {
        Path file = Files.createTempFile("siftbench-queue-", ".txt");
        FileChannel opened = FileChannel.open(
                file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        try {
            // Where an open file can be deleted (not on Windows), it goes now and its space with the channel.
            Files.deleteIfExists(file);
        } catch (IOException stillOpen) {
            // Deleted when the channel closes instead.
        }
        CLEANER.register(this, new Closing(opened));
        return opened;
    }

    /** Closes the file when its queue is no longer held; holds nothing of the queue itself. */
    private record Closing(FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The process is letting go of it either way.
            }
        }
    }
}
