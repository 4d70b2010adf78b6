package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.SourceLocation;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A source file opened as text: gzip recognised by its magic bytes, the encoding taken from the user, a byte
 * order mark or a UTF-16 pattern (else UTF-8), the mark skipped, and a check that the file is text at all.
 * Bytes that are not valid in the encoding become {@link #INVALID}, so that the row and column holding them
 * can be named instead of failing somewhere in a read-ahead buffer.
 */
final class SourceText implements AutoCloseable {

    /** Stands for bytes that are invalid in the encoding: a noncharacter, which real text does not hold. */
    static final char INVALID = '\uFFFF';

    private static final int SNIFF_BYTES = 8192;

    private final CountingInputStream raw;
    private final Reader reader;
    private final Charset encoding;

    private SourceText(CountingInputStream raw, Reader reader, Charset encoding) {
        this.raw = raw;
        this.reader = reader;
        this.encoding = encoding;
    }

    /** Opens {@code file}; {@code chosen} is the user's encoding or {@code null} to detect it. */
    static SourceText open(Path file, Charset chosen) {
        String name = name(file);
        requireRegularFile(file, name);
        try {
            CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
            try {
                BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
                boolean gzip = startsWith(in, 0x1f, 0x8b);
                InputStream data = in;
                if (gzip) {
                    data = new BufferedInputStream(new GzipMembers(in), 1 << 16);
                }
                data.mark(SNIFF_BYTES);
                byte[] head = data.readNBytes(SNIFF_BYTES);
                data.reset();
                if (head.length == 0) {
                    throw new DatasetImportException(SourceLocation.file(name), "the file is empty.");
                }
                Charset encoding = chosen == null
                        ? detect(head)
                        : chosen.name().startsWith("UTF-16") ? utf16ByteOrder(name, chosen, head) : chosen;
                int bom = bomLength(head, chosen);
                data.skipNBytes(bom);
                if (head.length == bom) {
                    throw new DatasetImportException(
                            SourceLocation.file(name), "the file is empty (it holds only a byte order mark).");
                }
                requireText(name, head, bom, encoding);
                CharsetDecoder decoder = encoding.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .replaceWith(String.valueOf(INVALID));
                return new SourceText(raw, new InputStreamReader(data, decoder), encoding);
            } catch (RuntimeException | IOException e) {
                raw.close();
                throw e;
            }
        } catch (IOException e) {
            throw ReadFailures.of(SourceLocation.file(name), e);
        }
    }

    /** The file's name as messages give it; the whole path where it has no name (a root). */
    static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /**
     * Refuses anything but a regular file before opening it: opening a named pipe waits for a writer that may
     * never come, a device may never end, and an import reads its file twice and measures progress by its size.
     */
    static void requireRegularFile(Path file, String name) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw ReadFailures.of(SourceLocation.file(name), e);
        }
        if (attributes.isDirectory()) {
            throw new DatasetImportException(
                    SourceLocation.file(name), "this is a folder, not a file. Choose a file in it.");
        }
        if (!attributes.isRegularFile()) {
            throw new DatasetImportException(
                    SourceLocation.file(name),
                    "this is " + specialKind(file)
                            + ", not a regular file. Siftbench imports only regular files (it reads a file twice); save the "
                            + "data to a file first.");
        }
    }

    /** What kind of special file {@code file} is, where the file system says (Unix), for the refusal. */
    private static String specialKind(Path file) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return switch (mode & 0170000) {
            case 0010000 -> "a named pipe";
            case 0020000 -> "a character device";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            default -> "a special file";
        };
    }

    Reader reader() {
        return reader;
    }

    Charset encoding() {
        return encoding;
    }

    /** Bytes of the file read so far (compressed bytes for gzip), for progress. */
    long bytesRead() {
        return raw.count;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Closing a file we only read cannot lose data.
        }
    }

    private static boolean startsWith(BufferedInputStream in, int b0, int b1) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == b0 && second == b1;
    }

    /** The length of a byte order mark that agrees with the chosen encoding (any, when none was chosen). */
    private static int bomLength(byte[] h, Charset chosen) {
        if (h.length >= 3
                && (h[0] & 0xff) == 0xEF
                && (h[1] & 0xff) == 0xBB
                && (h[2] & 0xff) == 0xBF
                && (chosen == null || chosen.equals(StandardCharsets.UTF_8))) {
            return 3;
        }
        boolean utf16Mark = h.length >= 2
                && (((h[0] & 0xff) == 0xFE && (h[1] & 0xff) == 0xFF)
                        || ((h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xFE));
        boolean utf16Chosen = chosen == null || chosen.name().startsWith("UTF-16");
        return utf16Mark && utf16Chosen ? 2 : 0;
    }

    private static Charset detect(byte[] h) {
        if (h.length >= 2 && (h[0] & 0xff) == 0xFE && (h[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (h.length >= 2 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        // ASCII text in UTF-16 without a mark: every other byte is zero.
        if (h.length >= 4 && h[0] == 0 && h[1] != 0 && h[2] == 0 && h[3] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (h.length >= 4 && h[0] != 0 && h[1] == 0 && h[2] != 0 && h[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * The user's UTF-16 choice with its byte order settled. Java's UTF-16 decoder takes a file without a mark
     * for big-endian, which turns a little-endian file into nonsense; here the mark decides, else the pattern of
     * zero bytes that ASCII text leaves, else big-endian as the Unicode standard says. A mark that contradicts
     * an explicit UTF-16LE or UTF-16BE is refused rather than read backwards.
     */
    private static Charset utf16ByteOrder(String name, Charset chosen, byte[] head) {
        Charset marked = bomLength(head, null) == 2 ? detect(head) : null;
        if (chosen.equals(StandardCharsets.UTF_16)) {
            Charset found = marked != null ? marked : detect(head);
            return found.equals(StandardCharsets.UTF_16LE) ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        }
        if (marked != null && !marked.equals(chosen)) {
            throw new DatasetImportException(
                    SourceLocation.file(name),
                    "the file starts with the byte order mark of " + marked.name() + ", but " + chosen.name()
                            + " was chosen. Choose " + marked.name() + " or UTF-16.");
        }
        return chosen;
    }

    /**
     * Refuses a file whose start is mostly control characters or invalid bytes: a binary file under a text
     * name. A stray NUL in a field is left to the row check, which can name its line and column.
     */
    private static void requireText(String name, byte[] head, int bom, Charset encoding) {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(INVALID));
        String text;
        try {
            text = decoder.decode(java.nio.ByteBuffer.wrap(head, bom, head.length - bom))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder reported an error", e);
        }
        // The last few characters may be a multi-byte sequence cut by the sample's end.
        int checked = Math.max(0, text.length() - 4);
        int odd = 0;
        for (int i = 0; i < checked; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == INVALID) {
                odd++;
            }
        }
        // A few odd characters in a tiny file are left to the row check too, which says where they are.
        if (odd > 3 && odd * 10 > checked) {
            throw new DatasetImportException(
                    SourceLocation.file(name),
                    "this is not a text file: " + odd + " of its first "
                            + checked + " characters are control characters or bytes that are not valid "
                            + encoding.name() + ".");
        }
    }

    /** Counts the bytes read from the file, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
