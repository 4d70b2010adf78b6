package io.siftbench.storage.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.ServerKind;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonBackendsFileTest {

    @TempDir
    Path dir;

    private final BackendConfig server = BackendConfig.of(BackendKind.OPENAI, "http://127.0.0.1:8080/v1", "qwen")
            .withName("llama-server")
            .withApiKey("sk-secret-abcd")
            .withSchemaStyle(SchemaStyle.JSON_OBJECT)
            .withLimits(6, 1);
    private final BackendConfig gguf = BackendConfig.of(BackendKind.GGUF, "/models/tiny.gguf", "")
            .withName("tiny")
            .withGguf(1, 4096);

    @Test
    void keepsEveryBackendItsKeyTheDefaultAndTheParametersAcrossRestarts() {
        GenerationParameters defaults =
                new GenerationParameters(0.3, 0.8, 256, 11, List.of("###"), Duration.ofSeconds(45));
        BackendSettings saved = BackendSettings.EMPTY
                .with(null, server)
                .with(null, gguf)
                .withDefault("tiny")
                .withDefaults(defaults);

        new JsonBackendsFile(dir.resolve("backends.json")).save(saved);
        BackendSettings loaded = new JsonBackendsFile(dir.resolve("backends.json")).load();

        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.find("llama-server").orElseThrow().apiKey()).isEqualTo("sk-secret-abcd");
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = dir.resolve("config/backends.json");

        new JsonBackendsFile(file).save(BackendSettings.EMPTY.with(null, server));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void keepsTheServerFoundAndWhetherTheStyleWasChosen() {
        BackendConfig detected = BackendConfig.of(BackendKind.OPENAI, "http://127.0.0.1:8080/v1", "qwen")
                .withName("laptop")
                .withDetected(ServerKind.LLAMA_CPP);
        JsonBackendsFile file = new JsonBackendsFile(dir.resolve("backends.json"));

        file.save(BackendSettings.EMPTY.with(null, detected).with(null, server));

        BackendSettings loaded = file.load();
        assertThat(loaded.find("laptop").orElseThrow().server()).isEqualTo(ServerKind.LLAMA_CPP);
        assertThat(loaded.find("laptop").orElseThrow().schemaStyle()).isEqualTo(SchemaStyle.JSON_OBJECT);
        assertThat(loaded.find("laptop").orElseThrow().undetected()).isFalse();
        assertThat(loaded.find("llama-server").orElseThrow().schemaStyleChosen())
                .isTrue();
    }

    @Test
    void aFileFromBeforeDetectionProbesTheDefaultStyleAndKeepsAChosenOne() throws Exception {
        Path file = Files.writeString(
                dir.resolve("backends.json"),
                "{\"backends\": ["
                        + "{\"name\": \"fresh\", \"kind\": \"OPENAI\", \"location\": \"http://127.0.0.1:8080/v1\","
                        + " \"schemaStyle\": \"JSON_SCHEMA\"},"
                        + "{\"name\": \"set\", \"kind\": \"OPENAI\", \"location\": \"http://127.0.0.1:8081/v1\","
                        + " \"schemaStyle\": \"JSON_OBJECT\"}]}");

        BackendSettings loaded = new JsonBackendsFile(file).load();

        assertThat(loaded.find("fresh").orElseThrow().undetected()).isTrue();
        assertThat(loaded.find("set").orElseThrow().undetected())
                .as("a style other than the default was set by hand or by Test connection")
                .isFalse();
        assertThat(loaded.find("set").orElseThrow().server()).isNull();
    }

    @Test
    void keepsABackendsEndpointsWithTheirLimitsAndReadsAFileWithoutThemAsOneLocation() throws Exception {
        Path file = dir.resolve("backends.json");
        BackendConfig replicas = BackendConfig.of(BackendKind.OLLAMA, "http://10.0.0.1:11434", "qwen")
                .withName("replicas")
                .withEndpoints(
                        List.of(new Endpoint("http://10.0.0.1:11434", 2), new Endpoint("http://10.0.0.2:11434", 6)));
        new JsonBackendsFile(file).save(new BackendSettings(List.of(replicas), null, null));

        BackendConfig loaded =
                new JsonBackendsFile(file).load().find("replicas").orElseThrow();

        assertThat(loaded).isEqualTo(replicas);
        assertThat(loaded.endpoints()).extracting(Endpoint::maxInFlight).containsExactly(2, 6);
        assertThat(loaded.maxInFlight()).isEqualTo(8);

        Files.writeString(
                file,
                "{\"backends\": [{\"name\": \"one\", \"kind\": \"OLLAMA\", \"location\": \"http://127.0.0.1:11434\","
                        + " \"maxInFlight\": 3}]}");
        BackendConfig old = new JsonBackendsFile(file).load().find("one").orElseThrow();
        assertThat(old.spread()).isFalse();
        assertThat(old.location()).isEqualTo("http://127.0.0.1:11434");
        assertThat(old.maxInFlight()).isEqualTo(3);
    }

    @Test
    void noFileMeansNoBackends() {
        assertThat(new JsonBackendsFile(dir.resolve("none.json")).load()).isEqualTo(BackendSettings.EMPTY);
    }

    @Test
    void aDamagedFileIsReportedWithLineAndColumnAndLeftAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("backends.json"), "{\"backends\": [\n  {\"name\": \"x\",, }]}");

        assertThatThrownBy(() -> new JsonBackendsFile(file).load()).hasMessageStartingWith(file + " line 2, column 16");
        assertThat(Files.readString(file)).isEqualTo("{\"backends\": [\n  {\"name\": \"x\",, }]}");
    }
}
