package io.siftbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.testing.SharedFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", System.getProperty("siftbench.jar")));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
        assertThat(failed.err().strip()).isEqualTo("siftbench: ragged.csv, line 3, column 3: expected 2 fields, "
                + "as in the header, but the row has 3.");
        assertThat(listed.json()).isEmpty();
    }

    @Test
    void skipsBadRowsReplacesAndHonoursTheFormatAndHeaderOptions() throws Exception {
        Path data = dir.resolve("data.txt");
        Files.writeString(data, "a\t1\nb\t2\tx\nc\t3\n", StandardCharsets.UTF_8);
        String project = dir.resolve("p").toString();

        Outcome first = siftbench("import", "--project", project, "--file", data.toString(), "--format", "tsv",
                "--no-header", "--skip-bad-rows", "--name", "d");
        Outcome second = siftbench("import", "--project", project, "--file", data.toString(), "--format", "tsv",
                "--no-header", "--skip-bad-rows", "--name", "d", "--replace");
        Outcome listed = siftbench("datasets", "--project", project);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.json().get("rows").asLong()).isEqualTo(2);
        assertThat(first.json().get("skipped").asLong()).isEqualTo(1);
        assertThat(Files.readString(Path.of(first.json().get("skippedRowsFile").asText())))
                .contains("2,\"3\",\"expected 2 fields");
        assertThat(first.err()).contains("Skipped 1 bad rows");
        assertThat(second.exit()).isZero();
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("columns").get(1).get("type").asText()).isEqualTo("integer");
    }
}
