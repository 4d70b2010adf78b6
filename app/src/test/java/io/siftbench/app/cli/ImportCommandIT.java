package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.JarProcess;
import io.siftbench.model.testing.NamedPipes;
import io.siftbench.model.testing.SharedFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a process: {@code import} and {@code datasets} as a script would use them. */
class ImportCommandIT {

    @TempDir
    Path dir;

    private JarProcess.Result siftbench(String... args) throws IOException, InterruptedException {
        return JarProcess.run(dir, 120, args);
    }

    @Test
    void importsBanking77AndListsItAsJson() throws Exception {
        Path train = SharedFixtures.require("data/banking77/train.csv");
        String project = dir.resolve("b77").toString();

        JarProcess.Result imported =
                siftbench("import", "--project", project, "--file", train.toString(), "--name", "b77");
        JarProcess.Result listed = siftbench("datasets", "--project", project);

        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        JsonNode summary = imported.json();
        assertThat(summary.get("name").asText()).isEqualTo("b77");
        assertThat(summary.get("rows").asLong()).isEqualTo(10_003);
        assertThat(summary.get("textColumn").asText()).isEqualTo("text");
        assertThat(summary.get("labelColumn").asText()).isEqualTo("category");
        assertThat(listed.exitCode()).isZero();
        JsonNode datasets = listed.json();
        assertThat(datasets).hasSize(1);
        assertThat(datasets.get(0).get("rows").asLong()).isEqualTo(10_003);
        assertThat(datasets.get(0).get("columns").toString())
                .isEqualTo("[{\"name\":\"text\",\"type\":\"text\"},{\"name\":\"category\",\"type\":\"text\"}]");
    }

    @Test
    void aBadFileExitsNonZeroWithOneLineSayingWhereAndLeavesNoDataset() throws Exception {
        Path bad = dir.resolve("ragged.csv");
        Files.writeString(bad, "id,text\n1,a\n2,b,c\n", StandardCharsets.UTF_8);
        String project = dir.resolve("p").toString();

        JarProcess.Result failed = siftbench("import", "--project", project, "--file", bad.toString());
        JarProcess.Result listed = siftbench("datasets", "--project", project);

        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.stdout()).isEmpty();
        assertThat(failed.stderr().strip())
                .isEqualTo("siftbench: ragged.csv, line 3, column 3: expected 2 fields, "
                        + "as in the header, but the row has 3.");
        assertThat(listed.json()).isEmpty();
    }

    @Test
    void skipsBadRowsReplacesAndHonoursTheFormatAndHeaderOptions() throws Exception {
        Path data = dir.resolve("data.txt");
        Files.writeString(data, "a\t1\nb\t2\tx\nc\t3\n", StandardCharsets.UTF_8);
        String project = dir.resolve("p").toString();

        JarProcess.Result first = siftbench(
                "import",
                "--project",
                project,
                "--file",
                data.toString(),
                "--format",
                "tsv",
                "--no-header",
                "--skip-bad-rows",
                "--name",
                "d");
        JarProcess.Result second = siftbench(
                "import",
                "--project",
                project,
                "--file",
                data.toString(),
                "--format",
                "tsv",
                "--no-header",
                "--skip-bad-rows",
                "--name",
                "d",
                "--replace");
        JarProcess.Result listed = siftbench("datasets", "--project", project);

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.json().get("rows").asLong()).isEqualTo(2);
        assertThat(first.json().get("skipped").asLong()).isEqualTo(1);
        assertThat(Files.readString(Path.of(first.json().get("skippedRowsFile").asText())))
                .contains("2,\"3\",\"expected 2 fields");
        assertThat(first.stderr()).contains("Skipped 1 bad rows");
        assertThat(second.exitCode()).isZero();
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("columns").get(1).get("type").asText())
                .isEqualTo("integer");
    }

    @Test
    void aNamedPipeIsRefusedAtOnceInOneLine() throws Exception {
        Path pipe = NamedPipes.make(dir.resolve("pipe.csv"));

        JarProcess.Result refused =
                siftbench("import", "--project", dir.resolve("p").toString(), "--file", pipe.toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr().strip())
                .isEqualTo(
                        "siftbench: pipe.csv: this is a named pipe, not a regular file. "
                                + "Siftbench imports only regular files (it reads a file twice); save the data to a file first.");
    }

    @Test
    void utf16WithoutAMarkIsReadInItsByteOrderAndTheSummarySaysWhich() throws Exception {
        Path little = dir.resolve("little.csv");
        Files.write(little, "text,label\nhello,a\nworld,b\n".getBytes(StandardCharsets.UTF_16LE));
        String project = dir.resolve("p").toString();

        JarProcess.Result imported =
                siftbench("import", "--project", project, "--file", little.toString(), "--encoding", "UTF-16");
        JarProcess.Result unknown =
                siftbench("import", "--project", project, "--file", little.toString(), "--encoding", "UTF-99");

        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        assertThat(imported.json().get("rows").asLong()).isEqualTo(2);
        assertThat(imported.json().get("encoding").asText()).isEqualTo("UTF-16LE");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr().lines().findFirst())
                .contains("siftbench: Invalid value for option '--encoding': "
                        + "there is no encoding called 'UTF-99'; use UTF-8, UTF-16, UTF-16LE, UTF-16BE or ISO-8859-1.");
    }

    @Test
    void tooManyColumnsAndBytesAfterTheGzipDataAreRefusedNamingTheFile() throws Exception {
        Path wide = dir.resolve("wide.csv");
        StringBuilder header = new StringBuilder("c0");
        for (int i = 1; i < 20_000; i++) {
            header.append(",c").append(i);
        }
        Files.writeString(wide, header + "\n" + header + "\n");
        Path gz = dir.resolve("appended.csv.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("id,text\n1,a\n".getBytes(StandardCharsets.UTF_8));
        }
        int member = bytes.size();
        bytes.write(new byte[] {'x', 'y', 'z'});
        Files.write(gz, bytes.toByteArray());
        String project = dir.resolve("p").toString();

        JarProcess.Result tooWide = siftbench("import", "--project", project, "--file", wide.toString());
        JarProcess.Result appended = siftbench("import", "--project", project, "--file", gz.toString());
        JarProcess.Result listed = siftbench("datasets", "--project", project);

        assertThat(tooWide.exitCode()).isNotZero();
        assertThat(tooWide.stderr().strip())
                .isEqualTo("siftbench: wide.csv, line 1: the header has 20,000 columns, "
                        + "more than the 16,382 a dataset can hold.");
        assertThat(appended.exitCode()).isNotZero();
        assertThat(appended.stderr().strip())
                .isEqualTo(String.format(
                        "siftbench: appended.csv.gz: the gzip data ends at "
                                + "byte %,d of %,d; the 3 bytes after it do not start another gzip member, so the file is damaged or "
                                + "has something appended.",
                        member, member + 3));
        assertThat(listed.json()).isEmpty();
    }
}
