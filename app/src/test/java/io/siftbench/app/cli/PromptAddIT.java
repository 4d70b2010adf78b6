package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siftbench prompt add} as the packaged jar runs it, in its own process. */
class PromptAddIT {

    @TempDir
    Path dir;

    /** The finished process's exit code, stdout and stderr. */
    record Ran(int code, String out, String err) {}

    private Ran siftbench(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("siftbench.jar")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("siftbench finished").isTrue();
        return new Ran(
                p.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void addsAPromptVersionAndRefusesABrokenFile() throws Exception {
        Path good = Files.writeString(dir.resolve("prompt.json"), PromptFiles.ANNOTATOR);
        Path broken = Files.writeString(dir.resolve("broken.json"), PromptFiles.BROKEN);
        String project = dir.resolve("project").toString();

        Ran first = siftbench("prompt", "add", "--project", project, "--file", good.toString());
        Ran second = siftbench("prompt", "add", "--project", project, "--file", good.toString());
        Ran bad = siftbench("prompt", "add", "--project", project, "--file", broken.toString());

        assertThat(first.code()).as(first.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(first.out());
        assertThat(printed.get("name").asText()).isEqualTo("intent-annotator");
        assertThat(printed.get("version").asInt()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(second.out()).get("version").asInt())
                .isEqualTo(2);
        assertThat(bad.code()).isNotZero();
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().strip()).startsWith("siftbench: " + broken + ": line 4, column 3: ");
    }
}
