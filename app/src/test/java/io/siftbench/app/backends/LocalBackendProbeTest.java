package io.siftbench.app.backends;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.siftbench.app.backends.LoopbackServer.Protocol;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.ConnectionReport;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.ServerKind;
import io.siftbench.model.testing.SharedFixtures;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Test connection" against real servers on loopback, a closed port, a silent socket and real files. */
class LocalBackendProbeTest {

    private final LocalBackendProbe probe = new LocalBackendProbe(Duration.ofMillis(700));

    @Test
    void listsTheModelsOfAnOllamaServer() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Protocol.OLLAMA).offering(List.of("llama3.2:1b", "phi4"))) {
            ConnectionReport report = probe.test(BackendConfig.of(BackendKind.OLLAMA, server.url(), ""));

            assertThat(report.ok()).isTrue();
            assertThat(report.models()).containsExactly("llama3.2:1b", "phi4");
            assertThat(report.latency()).isPositive();
        }
    }

    @Test
    void listsTheModelsOfAnOpenAiCompatibleServerWithItsKey() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Protocol.OPENAI)
                .offering(List.of("qwen2.5-7b-instruct"))
                .requireKey("sk-local")) {
            BackendConfig config = BackendConfig.of(BackendKind.OPENAI, server.url(), "");

            assertThat(probe.test(config.withApiKey("sk-local")).models()).containsExactly("qwen2.5-7b-instruct");
            assertThat(probe.test(config).problem())
                    .isEqualTo("401 Unauthorized: " + server.url() + " wants a valid API key");
        }
    }

    @Test
    void anOllamaServerIsDetectedAsOllama() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Protocol.OLLAMA)) {
            assertThat(probe.test(BackendConfig.of(BackendKind.OLLAMA, server.url(), ""))
                            .server())
                    .isEqualTo(ServerKind.OLLAMA);
        }
    }

    @Test
    void aLlamaCppServerIsDetectedFromItsModelsOwnerAndWantsTheSchemaAsJsonObject() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Protocol.OPENAI)
                .offering(List.of("stories260K"))
                .ownedBy("llamacpp")) {
            ConnectionReport report = probe.test(BackendConfig.of(BackendKind.OPENAI, server.url(), ""));

            assertThat(report.server()).isEqualTo(ServerKind.LLAMA_CPP);
            assertThat(report.server().schemaStyle()).isEqualTo(SchemaStyle.JSON_OBJECT);
            assertThat(report.models()).containsExactly("stories260K");
        }
    }

    @Test
    void aLlamaCppServerThatNamesNoOwnerIsDetectedFromItsProps() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Protocol.OPENAI)
                .serving("/props", "{\"default_generation_settings\":{\"n_ctx\":2048},\"total_slots\":2}")) {
            assertThat(probe.test(BackendConfig.of(BackendKind.OPENAI, server.url(), ""))
                            .server())
                    .isEqualTo(ServerKind.LLAMA_CPP);
        }
    }

    @Test
    void vllmAndLmStudioAreDetectedFromTheirModelsOwner() throws Exception {
        try (LoopbackServer vllm = new LoopbackServer(Protocol.OPENAI).ownedBy("vllm");
                LoopbackServer lmStudio = new LoopbackServer(Protocol.OPENAI).ownedBy("organization_owner")) {
            assertThat(probe.test(BackendConfig.of(BackendKind.OPENAI, vllm.url(), ""))
                            .server())
                    .isEqualTo(ServerKind.VLLM);
            assertThat(probe.test(BackendConfig.of(BackendKind.OPENAI, lmStudio.url(), ""))
                            .server())
                    .isEqualTo(ServerKind.LM_STUDIO);
            assertThat(ServerKind.VLLM.schemaStyle()).isEqualTo(SchemaStyle.JSON_SCHEMA);
        }
    }

    @Test
    void lmStudioAndOllamaAreDetectedFromTheirOwnEndpoints() throws Exception {
        try (LoopbackServer lmStudio = new LoopbackServer(Protocol.OPENAI)
                        .serving("/api/v0/models", "{\"object\":\"list\",\"data\":[]}");
                LoopbackServer ollama = new LoopbackServer(Protocol.OPENAI)
                        .ownedBy("library")
                        .serving("/api/version", "{\"version\":\"0.5.7\"}")) {
            assertThat(probe.test(BackendConfig.of(BackendKind.OPENAI, lmStudio.url(), ""))
                            .server())
                    .isEqualTo(ServerKind.LM_STUDIO);
            assertThat(probe.test(BackendConfig.of(BackendKind.OPENAI, ollama.url(), ""))
                            .server())
                    .isEqualTo(ServerKind.OLLAMA);
        }
    }

    @Test
    void aServerThatSaysNothingOfItselfIsOpenAiCompatibleWithJsonSchema() throws Exception {
        try (LoopbackServer server = new LoopbackServer(Protocol.OPENAI)) {
            ConnectionReport report = probe.test(BackendConfig.of(BackendKind.OPENAI, server.url(), ""));

            assertThat(report.server()).isEqualTo(ServerKind.OPENAI_COMPATIBLE);
            assertThat(report.server().schemaStyle()).isEqualTo(SchemaStyle.JSON_SCHEMA);
        }
    }

    @Test
    void theRealLlamaCppServerIsDetectedAsLlamaCpp(@TempDir Path dir) throws Exception {
        try (LlamaServerProcess server = LlamaServerProcess.start(dir.resolve("llama-server.log"))) {
            ConnectionReport report = new LocalBackendProbe(Duration.ofSeconds(5))
                    .test(BackendConfig.of(BackendKind.OPENAI, server.url(), ""));

            assertThat(report.problem()).isNull();
            assertThat(report.models()).containsExactly("stories260K");
            assertThat(report.server()).isEqualTo(ServerKind.LLAMA_CPP);
        }
    }

    @Test
    void saysWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        assertThat(probe.test(BackendConfig.of(BackendKind.OLLAMA, url, "")).problem())
                .isEqualTo("Connection refused: nothing is listening at " + url + ". Is the server running?");
        assertThat(probe.test(BackendConfig.of(BackendKind.OPENAI, url + "/v1", ""))
                        .problem())
                .startsWith("Connection refused");
    }

    @Test
    void saysWhenTheServerDoesNotAnswerInTime() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();

            assertThat(probe.test(BackendConfig.of(BackendKind.OLLAMA, url, "")).problem())
                    .isEqualTo("Timed out: " + url + " did not answer within 700 ms");
        }
    }

    @Test
    void saysWhenTheServerIsNotOfThatKind() throws Exception {
        try (LoopbackServer openAi = new LoopbackServer(Protocol.OPENAI)) {
            String root = openAi.url().replace("/v1", "");
            assertThat(probe.test(BackendConfig.of(BackendKind.OLLAMA, root, ""))
                            .problem())
                    .isEqualTo(root + " answered, but not as an Ollama server (GET /api/tags: HTTP 404)");
        }
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        web.createContext("/", ex -> {
            byte[] page = "<html><body>router login</body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        web.start();
        try {
            String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/v1";
            assertThat(probe.test(BackendConfig.of(BackendKind.OPENAI, url, "")).problem())
                    .isEqualTo(
                            url
                                    + " answered, but not as an OpenAI-compatible server (GET /models: the answer is not its JSON)");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void saysWhenTheUrlIsNotAUrl() {
        assertThat(probe.test(BackendConfig.of(BackendKind.OLLAMA, "localhost:11434", ""))
                        .problem())
                .isEqualTo("'localhost:11434' is not an http:// or https:// URL");
    }

    @Test
    void checksAGgufFileWithoutLoadingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.gguf");
        Path text = Files.writeString(dir.resolve("notes.gguf"), "these are notes");

        assertThat(probe.test(BackendConfig.of(BackendKind.GGUF, missing.toString(), ""))
                        .problem())
                .isEqualTo("The model file " + missing + " does not exist");
        assertThat(probe.test(BackendConfig.of(BackendKind.GGUF, text.toString(), ""))
                        .problem())
                .isEqualTo(text + " is not a GGUF file: it does not start with the bytes 'GGUF'");
    }

    @Test
    void aRealGgufFileOffersItselfAsTheModel() {
        Path model = SharedFixtures.require("models/stories260K.gguf");

        ConnectionReport report = probe.test(BackendConfig.of(BackendKind.GGUF, model.toString(), ""));

        assertThat(report.ok()).isTrue();
        assertThat(report.models()).containsExactly("stories260K.gguf");
    }
}
