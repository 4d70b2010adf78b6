package io.siftbench.storage.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Unpacks gzip data member after member, as {@code gzip -d} does. It replaces {@link java.util.zip.GZIPInputStream},
 * which stops without a word at bytes after a member that do not start another one, so that a damaged file or
 * one with something appended would import short; here those bytes are refused with their offset, and so are
 * a truncated member and one whose checksum or length does not match.
 */
final class GzipMembers extends InputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    /** The file offset of {@code buffer[0]}. */
    private long bufferStart;

    private int position;
    private int limit;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private boolean ended;

    /** Reads the first member's header from {@code in}, which must be at the gzip magic bytes. */
    GzipMembers(InputStream in) throws IOException {
        this.in = in;
        readHeader();
    }

    /** A gzip file that cannot be read on; the message says what and at which byte, in the user's words. */
    static final class GzipDamage extends IOException {
        GzipDamage(String message) {
            super(message);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new GzipDamage(String.format(
                        "the gzip data is corrupt: the compressed data cannot be unpacked " + "at byte %,d.",
                        inflatedUpTo()));
            }
            if (n > 0) {
                crc.update(b, off, n);
                return n;
            }
            if (inflater.finished()) {
                position = limit - inflater.getRemaining();
                readTrailer();
                startNextMemberOrEnd();
            } else if (inflater.needsDictionary()) {
                throw new GzipDamage(String.format(
                        "the gzip data is corrupt: the compressed data asks for a preset "
                                + "dictionary at byte %,d, which gzip never uses.",
                        inflatedUpTo()));
            } else if (inflater.needsInput()) {
                position = limit;
                if (!fill()) {
                    throw truncated("the compressed data");
                }
                inflater.setInput(buffer, position, limit - position);
            }
        }
        return -1;
    }

    @Override
    public int available() {
        return ended ? 0 : 1; // as InflaterInputStream: more may come, how much is unknown
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    private long offset() {
        return bufferStart + position;
    }

    /** The file offset the inflater has consumed up to. */
    private long inflatedUpTo() {
        return bufferStart + limit - inflater.getRemaining();
    }

    /** Makes at least one unread byte available; {@code false} at the end of the file. */
    private boolean fill() throws IOException {
        while (position == limit) {
            bufferStart += limit;
            position = 0;
            limit = 0;
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            limit = n;
        }
        return true;
    }

    private int nextByte(String part) throws IOException {
        if (!fill()) {
            throw truncated(part);
        }
        return buffer[position++] & 0xff;
    }

    private void skip(long n, String part) throws IOException {
        for (long i = 0; i < n; i++) {
            nextByte(part);
        }
    }

    private GzipDamage truncated(String part) {
        return new GzipDamage(String.format(
                "the gzip data is truncated: the file ends at byte %,d, in the middle of %s.", offset(), part));
    }

    private void readHeader() throws IOException {
        long start = offset();
        if (nextByte("a gzip header") != 0x1f || nextByte("a gzip header") != 0x8b) {
            throw new GzipDamage(String.format("the gzip data is corrupt: no gzip header at byte %,d.", start));
        }
        readHeaderAfterMagic(start);
    }

    /** The rest of the header of the member that starts at {@code start}, whose two magic bytes are read. */
    private void readHeaderAfterMagic(long start) throws IOException {
        String header = "a gzip header";
        int method = nextByte(header);
        if (method != 8) {
            throw new GzipDamage(String.format(
                    "the gzip header at byte %,d names compression method %d; Siftbench "
                            + "reads only deflate (8), the one gzip writes.",
                    start, method));
        }
        int flags = nextByte(header);
        skip(6, header); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(nextByte(header) | nextByte(header) << 8, header);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated(header);
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated(header);
        }
        if ((flags & FHCRC) != 0) {
            skip(2, header);
        }
        crc.reset();
        inflater.reset();
        inflater.setInput(buffer, position, limit - position);
    }

    private void skipZeroTerminated(String part) throws IOException {
        while (nextByte(part) != 0) {
            // a file name or comment the header carries
        }
    }

    private void readTrailer() throws IOException {
        long at = offset();
        String trailer = "the checksum and length that end a gzip member";
        long checksum = littleEndianInt(trailer);
        long size = littleEndianInt(trailer);
        if (checksum != crc.getValue()) {
            throw new GzipDamage(String.format(
                    "the gzip data is corrupt: the checksum at byte %,d does not match " + "the data before it.", at));
        }
        if (size != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new GzipDamage(String.format(
                    "the gzip data is corrupt: the length recorded at byte %,d does not " + "match the data before it.",
                    at + 4));
        }
    }

    private long littleEndianInt(String part) throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) nextByte(part) << (8 * i);
        }
        return v;
    }

    /** After a member: the end of the file, another member (legal, as {@code cat a.gz b.gz} makes), or a refusal. */
    private void startNextMemberOrEnd() throws IOException {
        long at = offset();
        if (!fill()) {
            ended = true;
            return;
        }
        if ((buffer[position++] & 0xff) == 0x1f && fill() && (buffer[position] & 0xff) == 0x8b) {
            position++;
            readHeaderAfterMagic(at);
            return;
        }
        long total = at + remaining(at);
        throw new GzipDamage(String.format(
                "the gzip data ends at byte %,d of %,d; the %,d bytes after it do not "
                        + "start another gzip member, so the file is damaged or has something appended.",
                at, total, total - at));
    }

    /** The number of bytes from {@code at} to the end of the file, reading what is left. */
    private long remaining(long at) throws IOException {
        long end = bufferStart + limit;
        byte[] scratch = new byte[1 << 16];
        for (int n = in.read(scratch); n >= 0; n = in.read(scratch)) {
            end += n;
        }
        return end - at;
    }
}
