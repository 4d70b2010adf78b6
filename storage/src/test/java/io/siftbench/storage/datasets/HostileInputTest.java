package io.siftbench.storage.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportPreview;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.datasets.ImportReport;
import io.siftbench.model.project.Project;
import io.siftbench.model.testing.NamedPipes;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not what they seem: a named pipe, a folder or a device under a data file's name, more
 * columns than a table can have, UTF-16 without a byte order mark, gzip with bytes after its end. Each is
 * refused at once with a message in Siftbench's words, or read right, and the project keeps no trace of a
 * refused one.
 */
class HostileInputTest {

    /** Generous: the refusals come at once; this only turns a hang into a failure. */
    private static final int HANG = 120;

    /** One project for the class: each refusal is checked to leave its list of datasets as it was. */
    @TempDir
    static Path dir;

    private static Project project;
    private static DatasetStore store;

    @BeforeAll
    static void open() {
        project = new H2ProjectOpener().open(dir.resolve("project"));
        store = project.datasets();
    }

    @AfterAll
    static void close() {
        project.close();
    }

    @Test
    @Timeout(value = HANG, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeIsRefusedAtOnceNotWaitedOn() throws Exception {
        Path pipe = NamedPipes.make(dir.resolve("pipe.csv"));

        assertRefusedInPreviewAndImport(
                pipe,
                "pipe.csv: this is a named pipe, not a regular file. Siftbench imports "
                        + "only regular files (it reads a file twice); save the data to a file first.");
    }

    @Test
    void aFolderAndADeviceAreRefused() {
        Path folder = dir.resolve("folder.csv");
        folder.toFile().mkdir();
        assertRefusedInPreviewAndImport(folder, "folder.csv: this is a folder, not a file. Choose a file in it.");

        Path device = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(device), () -> {
            System.out.println("skipped: there is no /dev/null here");
            return "there is no /dev/null here";
        });
        assertRefusedInPreviewAndImport(
                device,
                "null: this is a character device, not a regular file. Siftbench "
                        + "imports only regular files (it reads a file twice); save the data to a file first.");
    }

    @Test
    void moreColumnsThanATableHoldsAreRefusedWhenTheHeaderIsRead() throws IOException {
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, row("c", 20_000) + row("", 20_000));
        Path noHeader = dir.resolve("wide-data.csv");
        Files.writeString(noHeader, row("1", 20_000));
        Path jsonl = dir.resolve("wide.jsonl");
        StringBuilder keys = new StringBuilder("{");
        for (int i = 1; i <= 16_383; i++) {
            keys.append(i == 1 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        Files.writeString(jsonl, "{\"k1\":1}\n" + keys + "}\n");

        assertRefusedInPreviewAndImport(
                csv, "wide.csv, line 1: the header has 20,000 columns, more than the 16,382 a " + "dataset can hold.");
        assertRefusedInPreviewAndImport(
                noHeader,
                "wide-data.csv, line 1: the first row has 20,000 fields, more than "
                        + "the 16,382 columns a dataset can hold.");
        assertRefusedInPreviewAndImport(
                jsonl,
                "wide.jsonl, line 2: the records have more than 16,382 different keys, "
                        + "the most columns a dataset can hold; the first one too many is \"k16383\".");
    }

    @Test
    void asManyColumnsAsATableHoldsAreImported() throws IOException {
        Path csv = dir.resolve("widest.csv");
        Files.writeString(csv, row("c", 16_382) + row("", 16_382));

        ImportReport report = store.importFile(ImportOptions.of(csv), ImportProgress.NONE);

        assertThat(report.dataset().columns()).hasSize(16_382);
        assertThat(report.dataset().columns().get(16_381).name()).isEqualTo("c16382");
        assertThat(report.dataset().rows()).isEqualTo(1);
    }

    @Test
    void aNumberWithMoreDigitsThanADecimalColumnHoldsIsKeptAsText() throws IOException {
        Path csv = dir.resolve("digits.csv");
        String digits = "9".repeat(150_000);
        Files.writeString(csv, "text,n\na," + digits + "\nb,1.5\n");

        ImportReport report = store.importFile(ImportOptions.of(csv), ImportProgress.NONE);

        assertThat(report.dataset().columns().get(1).type()).isEqualTo(ColumnType.TEXT);
        List<Object> values = new ArrayList<>();
        store.forEachRecord(report.dataset().id(), r -> values.add(r.values().get("n")));
        assertThat(values).containsExactly(digits, "1.5");
    }

    @Test
    void utf16WithoutAMarkIsReadInTheByteOrderItsTextShows() throws IOException {
        String text = "text,label\nnaïve café,a\nworld,b\n";
        Path little = dir.resolve("little.csv");
        Files.write(little, text.getBytes(StandardCharsets.UTF_16LE));
        Path big = dir.resolve("big.csv");
        Files.write(big, text.getBytes(StandardCharsets.UTF_16BE));

        ImportOptions chosen = ImportOptions.of(little).withEncoding(StandardCharsets.UTF_16);
        ImportPreview preview = store.preview(chosen, 10);
        ImportReport fromLittle = store.importFile(chosen, ImportProgress.NONE);
        ImportReport fromBig =
                store.importFile(ImportOptions.of(big).withEncoding(StandardCharsets.UTF_16), ImportProgress.NONE);

        assertThat(preview.encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(preview.rows()).containsExactly(List.of("naïve café", "a"), List.of("world", "b"));
        assertThat(fromLittle.encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(texts(fromLittle)).containsExactly("naïve café", "world");
        assertThat(fromBig.encoding()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(texts(fromBig)).containsExactly("naïve café", "world");
    }

    @Test
    void utf16WithAMarkFollowsTheMarkAndAContradictingChoiceIsRefused() throws IOException {
        Path marked = dir.resolve("marked.csv");
        Files.write(
                marked,
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "text\nhello\n".getBytes(StandardCharsets.UTF_16LE)));

        ImportReport report =
                store.importFile(ImportOptions.of(marked).withEncoding(StandardCharsets.UTF_16), ImportProgress.NONE);

        assertThat(report.encoding()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(texts(report)).containsExactly("hello");
        assertThatThrownBy(() -> store.importFile(
                        ImportOptions.of(marked)
                                .withEncoding(StandardCharsets.UTF_16BE)
                                .withName("again"),
                        ImportProgress.NONE))
                .isInstanceOf(DatasetImportException.class)
                .hasMessage("marked.csv: the file starts with the byte order mark of UTF-16LE, but UTF-16BE was "
                        + "chosen. Choose UTF-16LE or UTF-16.");
    }

    @Test
    void concatenatedGzipMembersAreReadWhole() throws IOException {
        Path gz = dir.resolve("parts.csv.gz");
        StringBuilder second = new StringBuilder();
        for (int i = 3; i <= 5000; i++) {
            second.append(i).append(",row ").append(i).append('\n');
        }
        // What `cat a.gz b.gz > parts.gz` makes; the second member's header carries a file name and a comment.
        Files.write(gz, concat(gzip("id,text\n1,row 1\n2,row 2\n"), withNameAndComment(gzip(second.toString()))));

        ImportReport report = store.importFile(ImportOptions.of(gz), ImportProgress.NONE);

        assertThat(report.dataset().rows()).isEqualTo(5000);
        assertThat(texts(report)).last().isEqualTo("row 5000");
    }

    @Test
    void bytesAfterTheGzipDataAreRefusedWithTheirOffset() throws IOException {
        byte[] member = gzip("id,text\n1,a\n2,b\n");
        Path garbage = dir.resolve("appended.csv.gz");
        Files.write(garbage, concat(member, "trailing words".getBytes(StandardCharsets.US_ASCII)));
        Path zeros = dir.resolve("padded.csv.gz");
        Files.write(zeros, concat(member, new byte[512]));

        assertRefusedInPreviewAndImport(
                garbage,
                String.format(
                        "appended.csv.gz: the gzip data ends at byte %,d of %,d; "
                                + "the 14 bytes after it do not start another gzip member, so the file is damaged or has something "
                                + "appended.",
                        member.length, member.length + 14));
        assertRefusedInPreviewAndImport(
                zeros,
                String.format(
                        "padded.csv.gz: the gzip data ends at byte %,d of %,d; "
                                + "the 512 bytes after it do not start another gzip member, so the file is damaged or has something "
                                + "appended.",
                        member.length, member.length + 512));
    }

    @Test
    void aGzipMemberWithAWrongChecksumOrCutShortIsRefused() throws IOException {
        byte[] member = gzip("id,text\n1,a\n2,b\n");
        byte[] wrongSum = member.clone();
        wrongSum[member.length - 8] ^= 1;
        Path damaged = dir.resolve("damaged.csv.gz");
        Files.write(damaged, wrongSum);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(member, member.length - 3));

        assertRefusedInPreviewAndImport(
                damaged,
                String.format(
                        "damaged.csv.gz: the gzip data is corrupt: the checksum "
                                + "at byte %,d does not match the data before it.",
                        member.length - 8));
        assertRefusedInPreviewAndImport(
                cut,
                String.format(
                        "cut.csv.gz: the gzip data is truncated: the file ends at "
                                + "byte %,d, in the middle of the checksum and length that end a gzip member.",
                        member.length - 3));
    }

    private static void assertRefusedInPreviewAndImport(Path file, String message) {
        List<?> before = store.list();
        assertThatThrownBy(() -> store.preview(ImportOptions.of(file), 10))
                .isInstanceOf(DatasetImportException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> store.importFile(ImportOptions.of(file), ImportProgress.NONE))
                .isInstanceOf(DatasetImportException.class)
                .hasMessage(message);
        assertThat(store.list()).isEqualTo(before);
    }

    private static List<String> texts(ImportReport report) {
        List<String> texts = new ArrayList<>();
        store.forEachRecord(
                report.dataset().id(),
                (DatasetRecord r) -> texts.add((String) r.values().get("text")));
        return texts;
    }

    /** {@code prefix1,prefix2,...} and a line break; an empty prefix gives empty values. */
    private static String row(String prefix, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append(i == 1 ? "" : ",").append(prefix.isEmpty() ? "x" : prefix + i);
        }
        return s.append('\n').toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** The member with the FNAME and FCOMMENT flags set and both fields after its 10-byte header, as gzip(1) writes. */
    private static byte[] withNameAndComment(byte[] member) {
        byte[] fields = "parts.csv\0made by a test\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = concat(Arrays.copyOf(member, 10), fields, Arrays.copyOfRange(member, 10, member.length));
        out[3] |= 8 | 16;
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
