package io.siftbench.storage.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.datasets.ColumnChoice;
import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.datasets.ImportFormat;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportPreview;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.datasets.ImportReport;
import io.siftbench.model.datasets.ImportStage;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports real files of every format into a real H2 project file and reads them back. */
class ImportTest {

    @TempDir
    Path dir;

    private Project project;
    private DatasetStore store;

    @BeforeEach
    void open() {
        project = new H2ProjectOpener().open(dir.resolve("project"));
        store = project.datasets();
    }

    @AfterEach
    void close() {
        project.close();
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    private ImportReport importFile(Path file) {
        return store.importFile(ImportOptions.of(file), ImportProgress.NONE);
    }

    private List<DatasetRecord> all(DatasetInfo info) {
        List<DatasetRecord> out = new ArrayList<>();
        store.forEachRecord(info.id(), out::add);
        return out;
    }

    @Test
    void csvKeepsQuotedDelimitersQuotesAndLineBreaksAndStripsTheBom() throws IOException {
        Path file = write(
                "tricky.csv",
                "\uFEFFid,text,label\r\n1,\"a, b\",x\r\n2,\"she said \"\"hi\"\"\",y\r\n"
                        + "3,\"two\r\nlines\nmixed\",z\r\n",
                StandardCharsets.UTF_8);

        DatasetInfo info = importFile(file).dataset();

        assertThat(info.name()).isEqualTo("tricky");
        assertThat(info.columns())
                .containsExactly(
                        new ColumnInfo("id", ColumnType.INTEGER),
                        new ColumnInfo("text", ColumnType.TEXT),
                        new ColumnInfo("label", ColumnType.TEXT));
        assertThat(all(info))
                .extracting(r -> r.text("text"))
                .containsExactly("a, b", "she said \"hi\"", "two\r\nlines\nmixed");
        assertThat(all(info)).extracting(DatasetRecord::source).containsExactly(2L, 3L, 4L);
        assertThat(info.textColumn()).isEqualTo("text");
        assertThat(info.labelColumn()).isEqualTo("label");
    }

    @Test
    void sniffsSemicolonsAndTabs() throws IOException {
        DatasetInfo semi = importFile(write("semi.csv", "a;b\n1;\"x;y\"\n2;z\n", StandardCharsets.UTF_8))
                .dataset();
        DatasetInfo tabs = importFile(write("tabs.tsv", "a\tb\n1\tx,y\n", StandardCharsets.UTF_8))
                .dataset();

        assertThat(all(semi)).extracting(r -> r.text("b")).containsExactly("x;y", "z");
        assertThat(all(tabs)).extracting(r -> r.text("b")).containsExactly("x,y");
    }

    @Test
    void readsUtf16FromItsBomAndIsoLatin1WhenChosen() throws IOException {
        Path utf16 = dir.resolve("utf16.csv");
        byte[] body = "text\nnaïve café ☕\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(utf16, withBom);
        Path latin = write("latin.csv", "text\ncrème brûlée\n", StandardCharsets.ISO_8859_1);

        DatasetInfo a = importFile(utf16).dataset();
        DatasetInfo b = store.importFile(
                        ImportOptions.of(latin).withEncoding(StandardCharsets.ISO_8859_1), ImportProgress.NONE)
                .dataset();

        assertThat(all(a)).extracting(r -> r.text("text")).containsExactly("naïve café ☕");
        assertThat(all(b)).extracting(r -> r.text("text")).containsExactly("crème brûlée");
    }

    @Test
    void detectsAMissingHeaderAndHonoursTheUsersWord() throws IOException {
        Path numbers = write("numbers.csv", "1,alpha\n2,beta\n", StandardCharsets.UTF_8);
        Path words = write("words.csv", "alpha,beta\ngamma,delta\n", StandardCharsets.UTF_8);

        DatasetInfo detected = importFile(numbers).dataset();
        DatasetInfo told = store.importFile(ImportOptions.of(words).withHeader(false), ImportProgress.NONE)
                .dataset();

        assertThat(detected.columns()).extracting(ColumnInfo::name).containsExactly("column_1", "column_2");
        assertThat(detected.rows()).isEqualTo(2);
        assertThat(all(told)).extracting(r -> r.text("column_1")).containsExactly("alpha", "gamma");
    }

    @Test
    void widensTypesWithinTheFirstRows() throws IOException {
        assertTypesWidenAfter(500);
    }

    @Test
    void widensTypesWhenAValueFarDownTheFileNeedsIt() throws IOException {
        // Past the rows that settle the types in one reading: the import must read the file again, carefully.
        assertTypesWidenAfter(25_000);
    }

    private void assertTypesWidenAfter(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("n,widened,flag,when,code\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i)
                    .append(',')
                    .append(i)
                    .append(",true,2024-05-0")
                    .append(1 + i % 9)
                    .append(" 10:30:00,")
                    .append(i)
                    .append('\n');
        }
        csv.append(rows).append(",2.5,false,2024-06-01T00:00:00Z,007\n");
        DatasetInfo info = importFile(write("types.csv", csv.toString(), StandardCharsets.UTF_8))
                .dataset();

        assertThat(info.columns())
                .extracting(ColumnInfo::type)
                .containsExactly(
                        ColumnType.INTEGER,
                        ColumnType.DECIMAL,
                        ColumnType.BOOLEAN,
                        ColumnType.TIMESTAMP,
                        ColumnType.TEXT);
        DatasetRecord last = store.records(info.id(), List.of(rows + 1L)).get(0);
        assertThat(info.rows()).isEqualTo(rows + 1L);
        assertThat(last.values().get("n")).isEqualTo((long) rows);
        assertThat(store.records(info.id(), List.of(2L)).get(0).values().get("widened"))
                .isEqualTo(new BigDecimal("1"));
        assertThat((BigDecimal) last.values().get("widened")).isEqualByComparingTo("2.5");
        assertThat(last.values().get("flag")).isEqualTo(false);
        assertThat(last.values().get("when")).isEqualTo(OffsetDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(last.values().get("code")).isEqualTo("007");
    }

    @Test
    void jsonLinesAndJsonArraysKeepNestedValuesAsJsonText() throws IOException {
        Path jsonl = write(
                "chat.jsonl",
                "{\"text\":\"hi\",\"meta\":{\"a\":[1,2]},\"n\":1}\n\n" + "{\"text\":\"yo\",\"n\":2.5,\"extra\":true}\n",
                StandardCharsets.UTF_8);
        Path json = write(
                "chat.json",
                "[{\"text\":\"hi\",\"tags\":[\"x\",\"y\"]},\n {\"text\":null,\"tags\":[]}]",
                StandardCharsets.UTF_8);

        DatasetInfo lines = importFile(jsonl).dataset();
        DatasetInfo array = importFile(json).dataset();

        assertThat(lines.columns())
                .containsExactly(
                        new ColumnInfo("text", ColumnType.TEXT),
                        new ColumnInfo("meta", ColumnType.JSON),
                        new ColumnInfo("n", ColumnType.DECIMAL),
                        new ColumnInfo("extra", ColumnType.BOOLEAN));
        assertThat(all(lines)).extracting(r -> r.text("meta")).containsExactly("{\"a\":[1,2]}", null);
        assertThat(all(lines)).extracting(DatasetRecord::source).containsExactly(1L, 3L);
        assertThat(all(array)).extracting(r -> r.text("tags")).containsExactly("[\"x\",\"y\"]", "[]");
        assertThat(all(array)).extracting(DatasetRecord::source).containsExactly(1L, 2L);
    }

    @Test
    void aKeyThatFirstAppearsFarDownAJsonLinesFileBecomesAColumn() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 15_000; i++) {
            lines.append("{\"text\":\"line ").append(i).append("\"}\n");
        }
        lines.append("{\"text\":\"last\",\"late\":[1]}\n");

        DatasetInfo info = importFile(write("late.jsonl", lines.toString(), StandardCharsets.UTF_8))
                .dataset();

        assertThat(info.columns())
                .containsExactly(new ColumnInfo("text", ColumnType.TEXT), new ColumnInfo("late", ColumnType.JSON));
        assertThat(store.records(info.id(), List.of(1L, 15_001L)))
                .extracting(r -> r.text("late"))
                .containsExactly(null, "[1]");
    }

    @Test
    void readsGzipOfAnyFormat() throws IOException {
        Path gz = dir.resolve("lines.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("{\"text\":\"zipped\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        DatasetInfo info = importFile(gz).dataset();
        assertThat(info.name()).isEqualTo("lines");
        assertThat(all(info)).extracting(r -> r.text("text")).containsExactly("zipped");
    }

    @Test
    void holdsLongTextAndWideFiles() throws IOException {
        String longText = "word, \"quoted\"\n".repeat(30_000); // 450,000 characters
        Path longFile = write("long.csv", "text\n\"" + longText.replace("\"", "\"\"") + "\"\n", StandardCharsets.UTF_8);
        StringBuilder wide = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < 1200; c++) {
                cells.add(row == 0 ? "col" + c : "v" + row + "_" + c);
            }
            wide.append(String.join(",", cells)).append('\n');
        }
        Path wideFile = write("wide.csv", wide.toString(), StandardCharsets.UTF_8);

        DatasetInfo longInfo = importFile(longFile).dataset();
        DatasetInfo wideInfo = importFile(wideFile).dataset();

        assertThat(all(longInfo).get(0).text("text")).isEqualTo(longText);
        assertThat(wideInfo.columns()).hasSize(1200);
        assertThat(all(wideInfo).get(1).text("col1199")).isEqualTo("v2_1199");
    }

    @Test
    void skipsBadRowsWhenAskedAndListsThem() throws IOException {
        Path file = write("some-bad.csv", "id,text\n1,good\n2,too,many\n3,a\0b\n4,fine\n", StandardCharsets.UTF_8);
        Path list = dir.resolve("skipped.csv");

        ImportReport report = store.importFile(
                ImportOptions.of(file).withSkipBadRows(true).withSkippedRowsFile(list), ImportProgress.NONE);

        assertThat(report.dataset().rows()).isEqualTo(2);
        assertThat(report.skippedRows()).isEqualTo(2);
        assertThat(all(report.dataset())).extracting(DatasetRecord::source).containsExactly(2L, 5L);
        assertThat(Files.readAllLines(report.skippedRowsFile()))
                .hasSize(3)
                .first()
                .isEqualTo("line,column,problem");
        assertThat(Files.readString(list))
                .contains("3,\"3\",\"expected 2 fields")
                .contains("4,\"text\",\"the value holds a NUL");
    }

    @Test
    void importingTwiceMakesTwoDatasetsUnlessReplacing() throws IOException {
        Path file = write("twice.csv", "text\none\n", StandardCharsets.UTF_8);
        importFile(file);
        importFile(file);
        assertThat(store.list()).extracting(DatasetInfo::name).containsExactly("twice", "twice (2)");

        Files.writeString(file, "text\nnew\nrows\n");
        DatasetInfo replaced = store.importFile(ImportOptions.of(file).withReplace(true), ImportProgress.NONE)
                .dataset();

        assertThat(store.list()).extracting(DatasetInfo::name).containsExactly("twice", "twice (2)");
        assertThat(store.find("twice")).get().extracting(DatasetInfo::rows).isEqualTo(2L);
        assertThat(all(replaced)).extracting(r -> r.text("text")).containsExactly("new", "rows");
    }

    @Test
    void aCancelledImportLeavesNoTableAndNoDataset() throws Exception {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",row ").append(i).append('\n');
        }
        Path file = write("big.csv", csv.toString(), StandardCharsets.UTF_8);
        List<Long> storedRows = new ArrayList<>();
        ImportProgress cancelWhileStoring = new ImportProgress() {
            private ImportStage stage;

            @Override
            public void update(ImportStage now, long rows, long bytesRead, long totalBytes) {
                stage = now;
                if (now == ImportStage.STORING) {
                    storedRows.add(rows);
                }
            }

            @Override
            public boolean isCancelled() {
                return stage == ImportStage.STORING;
            }
        };

        assertThatThrownBy(() -> store.importFile(ImportOptions.of(file), cancelWhileStoring))
                .isInstanceOf(CancellationException.class);

        assertThat(storedRows).isNotEmpty();
        assertThat(store.list()).isEmpty();
        project.close();
        assertThat(ProjectSnapshot.of(dir.resolve("project"), List.of()).tables())
                .noneSatisfy((table, rows) -> assertThat(table).startsWith("DS_"));
        project = new H2ProjectOpener().open(dir.resolve("project"));
    }

    @Test
    void previewShowsTheFirstRowsAndTheInferredSchemaAndTheUsersChoicesApply() throws IOException {
        Path file = write(
                "intents.csv",
                "utterance,intent,score\nhello there,greet,1\nbye,leave,2\nhmm,unsure,3\n",
                StandardCharsets.UTF_8);

        ImportPreview preview = store.preview(ImportOptions.of(file), 2);

        assertThat(preview.format()).isEqualTo(ImportFormat.CSV);
        assertThat(preview.delimiter()).isEqualTo(',');
        assertThat(preview.header()).isTrue();
        assertThat(preview.rows()).containsExactly(List.of("hello there", "greet", "1"), List.of("bye", "leave", "2"));
        assertThat(preview.columns())
                .extracting(ColumnInfo::type)
                .containsExactly(ColumnType.TEXT, ColumnType.TEXT, ColumnType.INTEGER);
        assertThat(preview.textColumn()).isEqualTo("utterance");
        assertThat(preview.labelColumn()).isEqualTo("intent");

        ImportOptions chosen = ImportOptions.of(file)
                .withName("greetings")
                .withColumns(
                        List.of(
                                new ColumnChoice("utterance", "question", null),
                                new ColumnChoice("score", "score", ColumnType.TEXT)),
                        "question",
                        "score");
        DatasetInfo info = store.importFile(chosen, ImportProgress.NONE).dataset();

        assertThat(info.name()).isEqualTo("greetings");
        assertThat(info.columns())
                .containsExactly(
                        new ColumnInfo("question", ColumnType.TEXT),
                        new ColumnInfo("intent", ColumnType.TEXT),
                        new ColumnInfo("score", ColumnType.TEXT));
        assertThat(info.textColumn()).isEqualTo("question");
        assertThat(info.labelColumn()).isEqualTo("score");
    }

    @Test
    void aValueThatDoesNotFitTheChosenTypeIsABadRow() throws IOException {
        Path file = write("ids.csv", "id,text\n1,a\nx2,b\n", StandardCharsets.UTF_8);
        ImportOptions options = ImportOptions.of(file)
                .withColumns(List.of(new ColumnChoice("id", "id", ColumnType.INTEGER)), null, null);

        assertThatThrownBy(() -> store.importFile(options, ImportProgress.NONE))
                .isInstanceOf(DatasetImportException.class)
                .hasMessage(
                        "ids.csv, line 3, column \"id\": \"x2\" is not an integer, the type chosen for this column.");
        assertThat(store.list()).isEmpty();
    }
}
