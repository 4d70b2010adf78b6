package io.siftbench.storage.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of malformed files: each one must be refused with a message that says where (file, line or
 * record, column) and what was wrong, in Siftbench's words (no parser, database or class names), and must
 * leave the project exactly as it was. Large files (a 20 MB
 * field, JSON 10,000 levels deep, a truncated .gz) are generated here rather than kept in the repository.
 */
class BadInputTest {

    @TempDir
    static Path dir;

    private static Path projectFile;

    @BeforeAll
    static void generateLargeFiles() throws IOException {
        projectFile = dir.resolve("project");
        for (Map.Entry<String, byte[]> f : WRITTEN.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(dir.resolve("deep.json"), "[" + "[".repeat(10_000) + "]".repeat(10_000) + "]");
        Files.writeString(
                dir.resolve("deep.jsonl"),
                "{\"text\":\"a\"}\n{\"nested\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n");
        try (Writer w = Files.newBufferedWriter(dir.resolve("huge-field.csv"))) {
            w.write("id,text\n1,short\n2,\"");
            char[] chunk = new char[1 << 20];
            Arrays.fill(chunk, 'x');
            for (int i = 0; i < 20; i++) {
                w.write(chunk);
            }
            w.write("\"\n");
        }
        // A stray quote on line 12 swallows the lines after it until the value is over the limit, about line 50,000.
        try (Writer w = Files.newBufferedWriter(dir.resolve("stray-quote.csv"))) {
            w.write("text,label\n");
            for (int i = 2; i <= 100_000; i++) {
                w.write((i == 12 ? "\"" : "") + "record " + i + ",a\n");
            }
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

    /** Malformed files written here rather than kept in the repository: small ones, byte for byte. */
    private static final Map<String, byte[]> WRITTEN = new LinkedHashMap<>();

    static {
        String objects = "{\"text\":\"a first line long enough to read as text\",\"score\":1}\n";
        written("nan.jsonl", objects + "{\"text\":\"b\",\"score\":NaN}\n");
        written("infinity.json", "[" + objects + ",\n{\"text\":\"b\",\"score\":-Infinity}]");
        written("leading-zero.jsonl", objects + "{\"text\":\"b\",\"score\":012}\n");
        written("plus-sign.jsonl", objects + "{\"text\":\"b\",\"score\":+1}\n");
        written("long-number.jsonl", objects + "{\"text\":\"b\",\"score\":" + "9".repeat(2000) + "}\n");
        written("truncated.json", "[" + objects + ",{\"text\":\"b\",\"score\":");
        written("truncated-string.json", "[" + objects + ",{\"text\":\"b");
        written("nested-array.json", "[" + objects + ",[{\"text\":\"b\"}]]");
        written("nested-array.jsonl", objects + "[{\"text\":\"b\"}]\n");
        written("unquoted-key.jsonl", objects + "{text:\"b\"}\n");
        written("single-quotes.jsonl", objects + "{'text':'b'}\n");
        written("missing-colon.json", "[" + objects + ",{\"text\" \"b\"}]");
        written("missing-comma.jsonl", objects + "{\"text\":\"b\" \"score\":2}\n");
        written("trailing-comma.json", "[" + objects + ",{\"text\":\"b\",}]");
        written("mismatched-close.jsonl", objects + "{\"text\":[\"b\"}\n");
        written("comment.jsonl", objects + "{\"text\":\"b\"} // the second\n");
        written("bad-escape.jsonl", objects + "{\"text\":\"C:\\path\"}\n");
        written("short-unicode-escape.jsonl", objects + "{\"text\":\"\\u12\"}\n");
        written("control-character.jsonl", objects + "{\"text\":\"a\u0001b\"}\n");
        written("record-separator.jsonl", objects + "\u001e{\"text\":\"b\"}\n");
        written("empty-key.jsonl", objects + "{\"text\":\"b\",\"\":2}\n");
        written("long-key.jsonl", objects + "{\"" + "k".repeat(1200) + "\":1}\n");
        written("huge-key.jsonl", objects + "{\"" + "k".repeat(60_000) + "\":1}\n");
        written("long-column-name.csv", "text," + "n".repeat(1200) + "\na,b\n");
        written("text-after-quote.csv", "text,label\n\"a\" and more,b\n");
        // The quote opens a row: the parser only knows it reached the end of the file, two lines on.
        written("open-quote-first-field.csv", "text,label\nhello,a\n\"never closed,b\nmore,c\n");
        byte[] latin1 = (objects + "{\"text\":\"café\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        WRITTEN.put("invalid-utf8.jsonl", latin1);
        WRITTEN.put(
                "invalid-utf8.json", ("[" + objects + ",{\"text\":\"café\"}]").getBytes(StandardCharsets.ISO_8859_1));
        WRITTEN.put("invalid-utf8-key.jsonl", (objects + "{\"café\":1}\n").getBytes(StandardCharsets.ISO_8859_1));
        // Too short for the "not a text file" judgement: the one bad byte is named by its line and column.
        WRITTEN.put("tiny-invalid.csv", new byte[] {'t', '\n', (byte) 0xFF, '\n'});
        WRITTEN.put("invalid-utf8-header.csv", "text,catégorie\na,b\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void written(String name, String content) {
        WRITTEN.put(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** File, then the exact message: location first, then what was wrong, in Siftbench's words. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                bad(
                        "ragged-long.csv",
                        "ragged-long.csv, line 3, column 3: expected 2 fields, as in the header, but the row has 3."),
                bad(
                        "ragged-short.csv",
                        "ragged-short.csv, line 4, column \"label\": expected 3 fields, as in the header, but the row has 2."),
                bad(
                        "ragged.tsv",
                        "ragged.tsv, line 3, column \"label\": expected 2 fields, as in the header, but the row has 1."),
                bad(
                        "unclosed-quote.csv",
                        "unclosed-quote.csv, line 3, column \"text\": a quoted value opened on line 3 is never closed: its opening quote has no closing quote before the end of the file."),
                bad(
                        "invalid-utf8.csv",
                        "invalid-utf8.csv, line 3, column \"text\": the value holds bytes that are not valid text in the file's encoding, at character 5. Choose the encoding the file was written in (for example ISO-8859-1)."),
                bad(
                        "latin1-as-utf8.csv",
                        "latin1-as-utf8.csv, line 2, column \"text\": the value holds bytes that are not valid text in the file's encoding, at character 4. Choose the encoding the file was written in (for example ISO-8859-1)."),
                bad(
                        "nul-bytes.csv",
                        "nul-bytes.csv, line 3, column \"text\": the value holds a NUL character (byte 0) at character 2; text files do not."),
                bad(
                        "binary.csv",
                        "binary.csv: this is not a text file: 2118 of its first 3813 characters are control characters or bytes that are not valid UTF-8."),
                bad(
                        "random-bytes.tsv",
                        "random-bytes.tsv: this is not a text file: 1803 of its first 1996 characters are control characters or bytes that are not valid UTF-8."),
                bad("empty.csv", "empty.csv: the file is empty."),
                bad("bom-only.csv", "bom-only.csv: the file is empty (it holds only a byte order mark)."),
                bad("blank-lines-only.csv", "blank-lines-only.csv: the file holds no records (only blank lines)."),
                bad("header-only.csv", "header-only.csv: the file holds no records, only a header."),
                bad(
                        "duplicate-columns.csv",
                        "duplicate-columns.csv, line 1, column \"text\": the header names two columns \"text\" (columns 2 and 3). Column names must differ."),
                bad(
                        "blank-column-name.csv",
                        "blank-column-name.csv, line 1, column 2: the header gives column 2 no name. Name it in the file, or import without a header."),
                bad(
                        "broken-line.jsonl",
                        "broken-line.jsonl, line 3, column \"label\": the line ends in the middle of an object: a field or the closing '}' is missing."),
                bad("scalar-line.jsonl", "scalar-line.jsonl, line 2: expected a JSON object but found a number."),
                bad(
                        "two-values-line.jsonl",
                        "two-values-line.jsonl, line 2: the line holds more than one JSON value (found '{' after the object)."),
                bad(
                        "duplicate-key.jsonl",
                        "duplicate-key.jsonl, line 2, column \"text\": the object has the field \"text\" twice."),
                bad(
                        "unclosed-string.jsonl",
                        "unclosed-string.jsonl, line 2, column \"text\": the line ends in the middle of a string: its closing quote is missing."),
                bad("blank.jsonl", "blank.jsonl: the file holds no records."),
                bad("mixed.json", "mixed.json, record 2: expected a JSON object but found a string (line 3)."),
                bad(
                        "array-of-arrays.json",
                        "array-of-arrays.json, record 1: expected a JSON object but found an array (line 1)."),
                bad(
                        "single-object.json",
                        "single-object.json, line 1: a JSON file must hold an array of objects, but it starts with '{'. (For one object per line, use the jsonl format.)"),
                bad(
                        "trailing-garbage.json",
                        "trailing-garbage.json, line 1: there is more after the array's end (extra is not a JSON value: expected a string in double quotes, a number, an object, an array, true, false or null)."),
                bad(
                        "unclosed-array.json",
                        "unclosed-array.json, record 3: the file ends before an array is closed with ']'."),
                bad(
                        "syntax-error.json",
                        "syntax-error.json, record 2, column \"text\": tru is not a JSON value: expected a string in double quotes, a number, an object, an array, true, false or null."),
                bad("empty-array.json", "empty-array.json: the file holds no records."),
                bad(
                        "unknown-format.txt",
                        "unknown-format.txt: cannot tell the format from the file name: choose csv, tsv, jsonl or json."),
                bad(
                        "corrupt.csv.gz",
                        "corrupt.csv.gz: the gzip data is corrupt: the compressed data cannot be unpacked at byte 18."),
                generated(
                        "deep.json",
                        "deep.json, record 1: the JSON is nested more than 1,000 levels deep, deeper than Siftbench reads."),
                generated(
                        "deep.jsonl",
                        "deep.jsonl, line 2, column \"nested\": the JSON is nested more than 1,000 levels deep, deeper than Siftbench reads."),
                generated(
                        "huge-field.csv",
                        "huge-field.csv, line 3, column \"text\": a value is longer than 1,000,000 characters, the most one field may hold."),
                generated(
                        "truncated.csv.gz",
                        "truncated.csv.gz: the gzip data is truncated: the file ends at byte 51,171, in the middle of the compressed data."),
                generated(
                        "nan.jsonl",
                        "nan.jsonl, line 2, column \"score\": NaN is not a JSON number; write null, or put it in quotes (\"NaN\") to keep it as text."),
                generated(
                        "infinity.json",
                        "infinity.json, record 2, column \"score\": -Infinity is not a JSON number; write null, or put it in quotes (\"-Infinity\") to keep it as text."),
                generated(
                        "leading-zero.jsonl",
                        "leading-zero.jsonl, line 2, column \"score\": a number starts with 0 and more digits (like 012), which JSON does not allow; put it in quotes to keep it as text."),
                generated(
                        "plus-sign.jsonl",
                        "plus-sign.jsonl, line 2, column \"score\": a number starts with '+', which JSON does not allow; leave the sign out or put the number in quotes."),
                generated(
                        "long-number.jsonl",
                        "long-number.jsonl, line 2, column \"score\": a number is longer than 1,000 digits, the longest Siftbench reads; put it in quotes to keep it as text."),
                generated(
                        "truncated.json",
                        "truncated.json, record 2, column \"score\": the file ends in the middle of an object: a field or the closing '}' is missing."),
                generated(
                        "truncated-string.json",
                        "truncated-string.json, record 2, column \"text\": the file ends in the middle of a string: its closing quote is missing."),
                generated(
                        "nested-array.json",
                        "nested-array.json, record 2: expected a JSON object but found an array (line 2)."),
                generated(
                        "nested-array.jsonl", "nested-array.jsonl, line 2: expected a JSON object but found an array."),
                generated(
                        "unquoted-key.jsonl",
                        "unquoted-key.jsonl, line 2: expected a field name in double quotes, but found 't'."),
                generated(
                        "single-quotes.jsonl",
                        "single-quotes.jsonl, line 2: expected a field name in double quotes, but found a single quote."),
                generated(
                        "missing-colon.json",
                        "missing-colon.json, record 2, column \"text\": expected ':' after the field name, but found '\"'."),
                generated(
                        "missing-comma.jsonl",
                        "missing-comma.jsonl, line 2, column \"text\": expected ',' or '}' after a field's value, but found '\"'."),
                generated(
                        "trailing-comma.json",
                        "trailing-comma.json, record 2, column \"text\": expected a field name in double quotes, but found '}'."),
                generated(
                        "mismatched-close.jsonl",
                        "mismatched-close.jsonl, line 2, column \"text\": found '}', but the open array must be closed with ']' first."),
                generated("comment.jsonl", "comment.jsonl, line 2: found '/', but JSON has no comments."),
                generated(
                        "bad-escape.jsonl",
                        "bad-escape.jsonl, line 2, column \"text\": \\p is not an escape JSON knows; write a backslash in a string as \\\\."),
                generated(
                        "short-unicode-escape.jsonl",
                        "short-unicode-escape.jsonl, line 2, column \"text\": a \\u escape needs four hexadecimal digits, but found '\"'."),
                generated(
                        "control-character.jsonl",
                        "control-character.jsonl, line 2, column \"text\": a string holds control character U+0001 as it is; JSON needs it written as \\u0001."),
                generated(
                        "record-separator.jsonl",
                        "record-separator.jsonl, line 2: control character U+001E stands between values, where only spaces, tabs and line breaks may."),
                generated(
                        "empty-key.jsonl",
                        "empty-key.jsonl, line 2: the object has a field with an empty name, which cannot become a column. Name it in the file."),
                generated(
                        "long-key.jsonl",
                        "long-key.jsonl, line 2: the key \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…\" is 1,200 characters long; a column name may have at most 1,000."),
                generated(
                        "huge-key.jsonl",
                        "huge-key.jsonl, line 2: a field name is longer than 50,000 characters, the longest Siftbench reads."),
                generated(
                        "long-column-name.csv",
                        "long-column-name.csv, line 1, column 2: the name of column 2 is 1,200 characters long; a column name may have at most 1,000."),
                generated(
                        "text-after-quote.csv",
                        "text-after-quote.csv, line 2, column \"text\": a quoted value is followed by 'a'; after its closing quote only the delimiter or the end of the line may come. (Inside a quoted value, a quote is written \"\".)"),
                generated(
                        "invalid-utf8.jsonl",
                        "invalid-utf8.jsonl, line 2, column \"text\": the value holds bytes that are not valid text in the file's encoding, at character 4. Choose the encoding the file was written in (for example ISO-8859-1)."),
                generated(
                        "invalid-utf8.json",
                        "invalid-utf8.json, record 2, column \"text\": the value holds bytes that are not valid text in the file's encoding, at character 4. Choose the encoding the file was written in (for example ISO-8859-1)."),
                generated(
                        "invalid-utf8-key.jsonl",
                        "invalid-utf8-key.jsonl, line 2: a key holds bytes that are not valid text in the file's encoding, at character 4. Choose the encoding the file was written in (for example ISO-8859-1)."),
                generated(
                        "open-quote-first-field.csv",
                        "open-quote-first-field.csv, line 3, column \"text\": a quoted value opened on line 3 is never closed: its opening quote has no closing quote before the end of the file."),
                generated(
                        "stray-quote.csv",
                        "stray-quote.csv, line 12, column \"text\": a quoted value opened on line 12 runs on for more than 1,000,000 characters, the most one field may hold: its closing quote is most likely missing."),
                generated(
                        "tiny-invalid.csv",
                        "tiny-invalid.csv, line 2, column \"t\": the value holds bytes that are not valid text in the file's encoding, at character 1. Choose the encoding the file was written in (for example ISO-8859-1)."),
                generated(
                        "invalid-utf8-header.csv",
                        "invalid-utf8-header.csv, line 1, column 2: the name of column 2 holds bytes that are not valid text in the file's encoding, at character 4. Choose the encoding the file was written in (for example ISO-8859-1)."));
    }

    private static Arguments bad(String file, String message) {
        return Arguments.of(file, false, message);
    }

    private static Arguments generated(String file, String message) {
        return Arguments.of(file, true, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithWhereAndWhatAndChangesNothing(String name, boolean generated, String message) throws Exception {
        Path file = generated ? dir.resolve(name) : resource(name);
        ProjectSnapshot before;
        try (Project p = new H2ProjectOpener().open(projectFile)) {
            before = ProjectSnapshot.of(projectFile, p.datasets().list());
        }
        try (Project p = new H2ProjectOpener().open(projectFile)) {
            DatasetStore store = p.datasets();
            assertThatThrownBy(() -> store.importFile(ImportOptions.of(file), ImportProgress.NONE))
                    .isInstanceOf(DatasetImportException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .isEqualTo(message)
                            .doesNotContain("com.", "org.", "SQL", "Exception", "Jackson", "`"));
            assertThat(store.list()).isEqualTo(before.datasets());
        }
        assertThat(ProjectSnapshot.of(projectFile, before.datasets())).isEqualTo(before);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BadInputTest.class.getResource("/bad-input/" + name).toURI());
    }
}
