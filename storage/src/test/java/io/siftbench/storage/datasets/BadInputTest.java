package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The corpus of malformed files: each one must be refused with a message that says where (file, line or
 * record, column) and what was wrong, and must leave the project exactly as it was. Large files (a 20 MB
 * field, JSON 10,000 levels deep, a truncated .gz) are generated here rather than kept in the repository.
 */
class BadInputTest {

    @TempDir
    static Path dir;
    private static Path projectFile;

    @BeforeAll
    static void generateLargeFiles() throws IOException {
        projectFile = dir.resolve("project");
        Files.writeString(dir.resolve("deep.json"), "[" + "[".repeat(10_000) + "]".repeat(10_000) + "]");
        Files.writeString(dir.resolve("deep.jsonl"), "{\"text\":\"a\"}\n{\"nested\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}\n");
        try (Writer w = Files.newBufferedWriter(dir.resolve("huge-field.csv"))) {
            w.write("id,text\n1,short\n2,\"");
            char[] chunk = new char[1 << 20];
            Arrays.fill(chunk, 'x');
            for (int i = 0; i < 20; i++) {
                w.write(chunk);
            }
            w.write("\"\n");
        }
        Path whole = dir.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            StringBuilder s = new StringBuilder("id,text\n");
            for (int i = 1; i <= 20_000; i++) {
                s.append(i).append(",record number ").append(i).append(" with some words in it\n");
            }
            out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] gz = Files.readAllBytes(whole);
        Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(gz, gz.length / 2));
        // A good dataset is there first, so that "unchanged" means more than "still empty".
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "text,label\nhello,a\nworld,b\n");
        try (Project p = new H2ProjectOpener().open(projectFile)) {
            p.datasets().importFile(ImportOptions.of(good), ImportProgress.NONE);
        }
    }

    /** File, then fragments the message must hold: location first, then what was wrong. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("ragged-long.csv", "ragged-long.csv, line 3, column 3", "expected 2 fields", "has 3"),
                bad("ragged-short.csv", "ragged-short.csv, line 4, column \"label\"", "expected 3 fields", "has 2"),
                bad("ragged.tsv", "ragged.tsv, line 3, column \"label\"", "expected 2 fields", "has 1"),
                bad("unclosed-quote.csv", "unclosed-quote.csv, line 3, column \"text\"", "never closed"),
                bad("invalid-utf8.csv", "invalid-utf8.csv, line 3, column \"text\"", "not valid text", "character 5"),
                bad("latin1-as-utf8.csv", "latin1-as-utf8.csv, line 2, column \"text\"", "not valid text", "ISO-8859-1"),
                bad("nul-bytes.csv", "nul-bytes.csv, line 3, column \"text\"", "NUL character", "character 2"),
                bad("binary.csv", "binary.csv", "not a text file"),
                bad("random-bytes.tsv", "random-bytes.tsv", "not a text file"),
                bad("empty.csv", "empty.csv", "the file is empty"),
                bad("bom-only.csv", "bom-only.csv", "empty", "byte order mark"),
                bad("blank-lines-only.csv", "blank-lines-only.csv", "no records"),
                bad("header-only.csv", "header-only.csv", "no records, only a header"),
                bad("duplicate-columns.csv", "duplicate-columns.csv, line 1, column \"text\"", "two columns \"text\"",
                        "columns 2 and 3"),
                bad("blank-column-name.csv", "blank-column-name.csv, line 1, column 2", "no name"),
                bad("broken-line.jsonl", "broken-line.jsonl, line 3, column \"label\"", "ends in the middle of a value"),
                bad("scalar-line.jsonl", "scalar-line.jsonl, line 2", "expected a JSON object but found a number"),
                bad("two-values-line.jsonl", "two-values-line.jsonl, line 2", "more than one JSON value"),
                bad("duplicate-key.jsonl", "duplicate-key.jsonl, line 2, column \"text\"", "Duplicate field 'text'"),
                bad("unclosed-string.jsonl", "unclosed-string.jsonl, line 2", "end-of-input"),
                bad("blank.jsonl", "blank.jsonl", "no records"),
                bad("mixed.json", "mixed.json, record 2", "expected a JSON object but found a string", "line 3"),
                bad("array-of-arrays.json", "array-of-arrays.json, record 1", "found an array"),
                bad("single-object.json", "single-object.json, line 1", "array of objects", "jsonl"),
                bad("trailing-garbage.json", "trailing-garbage.json, line 1", "more after the array's end"),
                bad("unclosed-array.json", "unclosed-array.json, record 3", "before the array is closed"),
                bad("syntax-error.json", "syntax-error.json, record 2, column \"text\"", "malformed input", "tru"),
                bad("empty-array.json", "empty-array.json", "no records"),
                bad("unknown-format.txt", "unknown-format.txt", "cannot tell the format"),
                bad("corrupt.csv.gz", "corrupt.csv.gz", "gzip data is corrupt"),
                generated("deep.json", "deep.json, record 1", "nested more than 1,000 levels"),
                generated("deep.jsonl", "deep.jsonl, line 2, column \"nested\"", "nested more than 1,000 levels"),
                generated("huge-field.csv", "huge-field.csv, line 3, column \"text\"", "longer than 1,000,000 characters"),
                generated("truncated.csv.gz", "truncated.csv.gz, line", "gzip data is truncated"));
    }

    private static Arguments bad(String file, String... fragments) {
        return Arguments.of(file, false, fragments);
    }

    private static Arguments generated(String file, String... fragments) {
        return Arguments.of(file, true, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithWhereAndWhatAndChangesNothing(String name, boolean generated, String[] fragments)
            throws Exception {
        Path file = generated ? dir.resolve(name) : resource(name);
        ProjectSnapshot before;
        try (Project p = new H2ProjectOpener().open(projectFile)) {
            before = ProjectSnapshot.of(projectFile, p.datasets().list());
        }
        try (Project p = new H2ProjectOpener().open(projectFile)) {
            DatasetStore store = p.datasets();
            assertThatThrownBy(() -> store.importFile(ImportOptions.of(file), ImportProgress.NONE))
                    .isInstanceOf(DatasetImportException.class)
                    .satisfies(e -> assertThat(e.getMessage()).startsWith(fragments[0]).contains(fragments));
            assertThat(store.list()).isEqualTo(before.datasets());
        }
        assertThat(ProjectSnapshot.of(projectFile, before.datasets())).isEqualTo(before);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BadInputTest.class.getResource("/bad-input/" + name).toURI());
    }
}
