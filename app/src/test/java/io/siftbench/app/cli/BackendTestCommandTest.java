package io.siftbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siftbench backend test} in-process, against a real Ollama-speaking server on loopback. */
class BackendTestCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsTheModelsAndTheLatencyOfOneShortGeneration() throws Exception {
        HttpServer ollama = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        ollama.createContext(
                "/api/tags",
                ex -> reply(
                        ex,
                        "{\"models\":[{\"name\":\"tiny:1b\",\"model\":\"tiny:1b\"},"
                                + "{\"name\":\"phi4\",\"model\":\"phi4\"}]}"));
        ollama.createContext("/api/chat", ex -> {
            ex.getRequestBody().readAllBytes();
            reply(
                    ex,
                    "{\"model\":\"tiny:1b\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello there, nice to meet\"},"
                            + "\"done\":true,\"done_reason\":\"length\",\"prompt_eval_count\":11,\"eval_count\":16}");
        });
        ollama.start();
        try {
            String url = "http://127.0.0.1:" + ollama.getAddress().getPort();

            int code = run("backend", "test", "--kind", "ollama", "--url", url);

            assertThat(code).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.path("models").toString()).isEqualTo("[\"tiny:1b\",\"phi4\"]");
            assertThat(json.path("model").asText()).isEqualTo("tiny:1b");
            JsonNode g = json.path("generation");
            assertThat(g.path("text").asText()).isEqualTo("Hello there, nice to meet");
            assertThat(g.path("latencyMillis").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(g.path("promptTokens").asInt()).isEqualTo(11);
            assertThat(g.path("completionTokens").asInt()).isEqualTo(16);
            assertThat(g.path("finishReason").asText()).isEqualTo("LENGTH");
        } finally {
            ollama.stop(0);
        }
    }

    @Test
    void failsWithOneLineThatSaysWhy(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        assertThat(run("backend", "test", "--kind", "openai", "--url", "http://127.0.0.1:" + port + "/v1"))
                .isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("siftbench: Connection refused: nothing is listening at http://127.0.0.1:" + port
                        + "/v1. Is the server running?");

        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        StringWriter second = new StringWriter();
        int code = Cli.execute(
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(second, true),
                "backend",
                "test",
                "--kind",
                "gguf",
                "--file",
                notes.toString());
        assertThat(code).isEqualTo(1);
        assertThat(second.toString()).contains("is not a GGUF file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesAnUnknownKind() {
        assertThat(run("backend", "test", "--kind", "kobold", "--url", "http://127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Unknown backend kind 'kobold': use ollama, openai or gguf");
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
