package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.testing.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a real process: {@code backend test --kind gguf} generates in-process and the JVM
 * exits by itself although llama.cpp leaves a non-daemon native thread behind (java-llama.cpp issue #116).
 */
class BackendTestCommandIT {

    @Test
    void generatesFromAGgufFileAndExitsCleanly() throws Exception {
        Path model = SharedFixtures.require("models/stories260K.gguf");
        Path jar = Path.of(System.getProperty("siftbench.jar", "target/siftbench.jar"));
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "backend",
                        "test",
                        "--kind",
                        "gguf",
                        "--file",
                        model.toString(),
                        "--threads",
                        "1",
                        "--ctx-size",
                        "512"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();

        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }

        assertThat(exited).as("the CLI exits by itself").isTrue();
        assertThat(process.exitValue()).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout);
        assertThat(json.path("models").get(0).asText()).isEqualTo("stories260K.gguf");
        assertThat(json.path("generation").path("completionTokens").asInt()).isBetween(1, 16);
        assertThat(json.path("generation").path("text").asText()).isNotBlank();
        assertThat(json.path("generation").path("latencyMillis").asLong()).isGreaterThanOrEqualTo(0);
    }
}
