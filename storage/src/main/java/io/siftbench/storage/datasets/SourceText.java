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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

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
        String name = file.getFileName().toString();
        try {
            CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
            try {
                BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
                boolean gzip = startsWith(in, 0x1f, 0x8b);
                InputStream data = in;
                if (gzip) {
                    data = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
                }
                data.mark(SNIFF_BYTES);
                byte[] head = data.readNBytes(SNIFF_BYTES);
                data.reset();
                if (head.length == 0) {
                    throw new DatasetImportException(SourceLocation.file(name), "the file is empty.");
                }
                Charset encoding = chosen;
                int bom = bomLength(head, chosen);
                if (encoding == null) {
                    encoding = detect(head);
                }
                data.skipNBytes(bom);
                if (head.length == bom) {
                    throw new DatasetImportException(SourceLocation.file(name),
                            "the file is empty (it holds only a byte order mark).");
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
        } catch (NoSuchFileException e) {
            throw new DatasetImportException(SourceLocation.file(name), "the file does not exist (" + file + ").");
        } catch (java.util.zip.ZipException e) {
            throw new DatasetImportException(SourceLocation.file(name), "the gzip data is corrupt: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new DatasetImportException(SourceLocation.file(name),
                    "the gzip data is truncated: the file ends before the compressed data does.");
        } catch (IOException e) {
            throw new DatasetImportException(SourceLocation.file(name), "cannot read the file: " + e.getMessage(), e);
        }
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
        if (h.length >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF
                && (chosen == null || chosen.equals(StandardCharsets.UTF_8))) {
            return 3;
        }
        boolean utf16Mark = h.length >= 2 && (((h[0] & 0xff) == 0xFE && (h[1] & 0xff) == 0xFF)
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
            text = decoder.decode(java.nio.ByteBuffer.wrap(head, bom, head.length - bom)).toString();
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
        if (checked > 0 && odd * 10 > checked) {
            throw new DatasetImportException(SourceLocation.file(name), "this is not a text file: " + odd + " of its first "
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
