package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.JarProcess;
import io.siftbench.app.backends.LlamaServerProcess;
import io.siftbench.model.testing.SharedFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a real process: {@code backend test --kind gguf} generates in-process and the JVM
 * exits by itself although llama.cpp leaves a non-daemon native thread behind (java-llama.cpp issue #116).
 */
class BackendTestCommandIT {

    @TempDir
    Path dir;

    @Test
    void generatesFromAGgufFileAndExitsCleanly() throws Exception {
        Path model = SharedFixtures.require("models/stories260K.gguf");
        // JarProcess fails the test when the process does not exit by itself within the minute.
        JarProcess.Result result = JarProcess.run(
                dir,
                60,
                "backend",
                "test",
                "--kind",
                "gguf",
                "--file",
                model.toString(),
                "--threads",
                "1",
                "--ctx-size",
                "512");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode json = result.json();
        assertThat(json.path("models").get(0).asText()).isEqualTo("stories260K.gguf");
        assertThat(json.path("generation").path("completionTokens").asInt()).isBetween(1, 16);
        assertThat(json.path("generation").path("text").asText()).isNotBlank();
        assertThat(json.path("generation").path("latencyMillis").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void saysWhichServerAnsweredAndGeneratesFromTheRealLlamaCppServer() throws Exception {
        try (LlamaServerProcess server = LlamaServerProcess.start(dir.resolve("llama-server.log"))) {
            JarProcess.Result result =
                    JarProcess.run(dir, 60, "backend", "test", "--kind", "openai", "--url", server.url());

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            JsonNode json = result.json();
            assertThat(json.path("server").asText()).isEqualTo("llama.cpp server");
            assertThat(json.path("models").get(0).asText()).isEqualTo("stories260K");
            assertThat(json.path("generation").path("text").asText()).isNotBlank();
        }
    }
}
