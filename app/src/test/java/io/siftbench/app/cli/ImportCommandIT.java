package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.testing.NamedPipes;
import io.siftbench.model.testing.SharedFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a process: {@code import} and {@code datasets} as a script would use them. */
class ImportCommandIT {

    @TempDir
    Path dir;

    /** What a finished process said. */
    record Outcome(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    private Outcome siftbench(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-jar",
                System.getProperty("siftbench.jar")));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("siftbench finished").isTrue();
        return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void importsBanking77AndListsItAsJson() throws Exception {
        Path train = SharedFixtures.require("data/banking77/train.csv");
        String project = dir.resolve("b77").toString();

        Outcome imported = siftbench("import", "--project", project, "--file", train.toString(), "--name", "b77");
        Outcome listed = siftbench("datasets", "--project", project);

        assertThat(imported.exit()).as(imported.err()).isZero();
        JsonNode summary = imported.json();
        assertThat(summary.get("name").asText()).isEqualTo("b77");
        assertThat(summary.get("rows").asLong()).isEqualTo(10_003);
        assertThat(summary.get("textColumn").asText()).isEqualTo("text");
        assertThat(summary.get("labelColumn").asText()).isEqualTo("category");
        assertThat(listed.exit()).isZero();
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

        Outcome failed = siftbench("import", "--project", project, "--file", bad.toString());
        Outcome listed = siftbench("datasets", "--project", project);

        assertThat(failed.exit()).isNotZero();
        assertThat(failed.out()).isEmpty();
        assertThat(failed.err().strip())
                .isEqualTo("siftbench: ragged.csv, line 3, column 3: expected 2 fields, "
                        + "as in the header, but the row has 3.");
        assertThat(listed.json()).isEmpty();
    }

    @Test
    void skipsBadRowsReplacesAndHonoursTheFormatAndHeaderOptions() throws Exception {
        Path data = dir.resolve("data.txt");
        Files.writeString(data, "a\t1\nb\t2\tx\nc\t3\n", StandardCharsets.UTF_8);
        String project = dir.resolve("p").toString();

        Outcome first = siftbench(
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
        Outcome second = siftbench(
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
        Outcome listed = siftbench("datasets", "--project", project);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.json().get("rows").asLong()).isEqualTo(2);
        assertThat(first.json().get("skipped").asLong()).isEqualTo(1);
        assertThat(Files.readString(Path.of(first.json().get("skippedRowsFile").asText())))
                .contains("2,\"3\",\"expected 2 fields");
        assertThat(first.err()).contains("Skipped 1 bad rows");
        assertThat(second.exit()).isZero();
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("columns").get(1).get("type").asText())
                .isEqualTo("integer");
    }

    @Test
    void aNamedPipeIsRefusedAtOnceInOneLine() throws Exception {
        Path pipe = NamedPipes.make(dir.resolve("pipe.csv"));

        Outcome refused = siftbench("import", "--project", dir.resolve("p").toString(), "--file", pipe.toString());

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err().strip())
                .isEqualTo(
                        "siftbench: pipe.csv: this is a named pipe, not a regular file. "
                                + "Siftbench imports only regular files (it reads a file twice); save the data to a file first.");
    }

    @Test
    void utf16WithoutAMarkIsReadInItsByteOrderAndTheSummarySaysWhich() throws Exception {
        Path little = dir.resolve("little.csv");
        Files.write(little, "text,label\nhello,a\nworld,b\n".getBytes(StandardCharsets.UTF_16LE));
        String project = dir.resolve("p").toString();

        Outcome imported =
                siftbench("import", "--project", project, "--file", little.toString(), "--encoding", "UTF-16");
        Outcome unknown =
                siftbench("import", "--project", project, "--file", little.toString(), "--encoding", "UTF-99");

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.json().get("rows").asLong()).isEqualTo(2);
        assertThat(imported.json().get("encoding").asText()).isEqualTo("UTF-16LE");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err().lines().findFirst())
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

        Outcome tooWide = siftbench("import", "--project", project, "--file", wide.toString());
        Outcome appended = siftbench("import", "--project", project, "--file", gz.toString());
        Outcome listed = siftbench("datasets", "--project", project);

        assertThat(tooWide.exit()).isNotZero();
        assertThat(tooWide.err().strip())
                .isEqualTo("siftbench: wide.csv, line 1: the header has 20,000 columns, "
                        + "more than the 16,382 a dataset can hold.");
        assertThat(appended.exit()).isNotZero();
        assertThat(appended.err().strip())
                .isEqualTo(String.format(
                        "siftbench: appended.csv.gz: the gzip data ends at "
                                + "byte %,d of %,d; the 3 bytes after it do not start another gzip member, so the file is damaged or "
                                + "has something appended.",
                        member, member + 3));
        assertThat(listed.json()).isEmpty();
    }
}
