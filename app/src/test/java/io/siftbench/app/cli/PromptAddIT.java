package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siftbench prompt add} as the packaged jar runs it, in its own process. */
class PromptAddIT {

    @TempDir
    Path dir;

    private JarProcess.Result siftbench(String... args) throws IOException, InterruptedException {
        return JarProcess.run(dir, 120, args);
    }

    @Test
    void addsAPromptVersionAndRefusesABrokenFile() throws Exception {
        Path good = Files.writeString(dir.resolve("prompt.json"), PromptFiles.ANNOTATOR);
        Path broken = Files.writeString(dir.resolve("broken.json"), PromptFiles.BROKEN);
        String project = dir.resolve("project").toString();

        JarProcess.Result first = siftbench("prompt", "add", "--project", project, "--file", good.toString());
        JarProcess.Result second = siftbench("prompt", "add", "--project", project, "--file", good.toString());
        JarProcess.Result bad = siftbench("prompt", "add", "--project", project, "--file", broken.toString());

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        JsonNode printed = first.json();
        assertThat(printed.get("name").asText()).isEqualTo("intent-annotator");
        assertThat(printed.get("version").asInt()).isEqualTo(1);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stdout()).isEmpty();
        assertThat(bad.stderr().strip()).startsWith("siftbench: " + broken + ": line 4, column 3: ");
    }
}
