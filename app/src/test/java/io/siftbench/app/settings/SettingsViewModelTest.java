package io.siftbench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.backends.LoopbackServer.Protocol;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.ServerKind;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.settings.SettingsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Settings screen's view model with its real collaborators: the backends file in a temporary folder,
 * the real connection test against an Ollama-speaking server on loopback, and work run on this thread.
 */
class SettingsViewModelTest {

    @TempDir
    Path dir;

    private HttpServer ollama;
    private String url;
    private JsonBackendsFile file;
    private SettingsViewModel vm;

    @BeforeEach
    void start() throws Exception {
        ollama = OllamaTags.start();
        url = OllamaTags.url(ollama);
        file = new JsonBackendsFile(dir.resolve("backends.json"));
        vm = new SettingsViewModel(file, new LocalBackendProbe(Duration.ofSeconds(2)), new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void stop() {
        ollama.stop(0);
    }

    @Test
    void testingABackendOfSeveralEndpointsSaysWhichOfThemDoNotAnswer() throws Exception {
        HttpServer replica = OllamaTags.start();
        String second = OllamaTags.url(replica);
        HttpServer gone = OllamaTags.start();
        String third = OllamaTags.url(gone);
        gone.stop(0);
        try {
            vm.newBackend();
            vm.nameProperty().set("replicas");
            vm.kindProperty().set(BackendKind.OLLAMA);
            vm.locationProperty().set(url);
            assertThat(vm.addEndpoint(second, 2)).isTrue();

            vm.testConnection();
            assertThat(vm.testResultProperty().get())
                    .startsWith("2 models listed in")
                    .endsWith(" · all 2 endpoints answer");

            assertThat(vm.addEndpoint(third, 2)).isTrue();
            vm.testConnection();
            assertThat(vm.models()).containsExactly("llama3.2:1b", "phi4");
            assertThat(vm.testResultProperty().get())
                    .startsWith("2 models listed in")
                    .contains(" · 1 of 3 endpoints do not answer:\n" + third + ": ")
                    .doesNotContain(second + ":");
        } finally {
            replica.stop(0);
        }
    }

    @Test
    void addsABackendAfterTestingItAndKeepsItAcrossRestarts() {
        vm.newBackend();
        vm.nameProperty().set("laptop ollama");
        vm.kindProperty().set(BackendKind.OLLAMA);
        vm.locationProperty().set(url);

        vm.testConnection();
        assertThat(vm.models()).containsExactly("llama3.2:1b", "phi4");
        assertThat(vm.testResultProperty().get()).startsWith("2 models listed in");
        assertThat(vm.modelProperty().get()).as("the first model is offered").isEqualTo("llama3.2:1b");
        vm.modelProperty().set("phi4");
        vm.saveBackend();

        assertThat(vm.backends()).extracting(BackendConfig::name).containsExactly("laptop ollama");
        BackendSettings reloaded = file.load();
        assertThat(reloaded.defaultConfig().orElseThrow().model()).isEqualTo("phi4");
        assertThat(reloaded.defaultConfig().orElseThrow().location()).isEqualTo(url);
    }

    @Test
    void addsEndpointsWithTheirLimitsRefusesBadOnesByNameAndKeepsThemAcrossRestarts() {
        vm.newBackend();
        vm.nameProperty().set("replicas");
        vm.kindProperty().set(BackendKind.OLLAMA);
        vm.locationProperty().set(url);
        vm.maxInFlightProperty().set(2);

        assertThat(vm.addEndpoint("10.0.0.2:11434", 2)).isFalse();
        assertThat(vm.problemProperty().get().message()).contains("Endpoint '10.0.0.2:11434' is not a server URL");
        assertThat(vm.addEndpoint("http://10.0.0.2:11434", 0)).isFalse();
        assertThat(vm.problemProperty().get().message())
                .contains("Endpoint http://10.0.0.2:11434: requests in flight must be at least 1, got 0");
        assertThat(vm.addEndpoint(url + "/", 3)).isFalse();
        assertThat(vm.problemProperty().get().message()).contains("Endpoint " + url + "/ is listed twice");
        assertThat(vm.moreEndpoints()).isEmpty();
        assertThat(vm.addEndpoint("http://10.0.0.2:11434", 6)).isTrue();
        assertThat(vm.addEndpoint("http://10.0.0.3:11434", 1)).isTrue();
        assertThat(vm.unsaved()).isTrue();
        vm.removeEndpoint(vm.moreEndpoints().get(1));
        vm.saveBackend();

        BackendConfig saved = file.load().find("replicas").orElseThrow();
        assertThat(saved.endpoints()).containsExactly(new Endpoint(url, 2), new Endpoint("http://10.0.0.2:11434", 6));
        assertThat(saved.maxInFlight()).isEqualTo(8);
        SettingsViewModel next = new SettingsViewModel(
                file, new LocalBackendProbe(Duration.ofSeconds(2)), new CurrentThreadTaskExecutor());
        next.selectedProperty().set(next.backends().get(0));
        assertThat(next.locationProperty().get()).isEqualTo(url);
        assertThat(next.maxInFlightProperty().get())
                .as("the first endpoint's own limit")
                .isEqualTo(2);
        assertThat(next.moreEndpoints()).containsExactly(new Endpoint("http://10.0.0.2:11434", 6));
        assertThat(next.unsaved()).isFalse();

        // The last other endpoint removed: a backend of one location again.
        next.removeEndpoint(next.moreEndpoints().get(0));
        next.saveBackend();
        BackendConfig single = file.load().find("replicas").orElseThrow();
        assertThat(single.spread()).isFalse();
        assertThat(single.maxInFlight()).isEqualTo(2);
    }

    @Test
    void knowsWhenTheEditorHoldsEditsNotSavedAndDiscardsThem() {
        assertThat(vm.unsaved()).as("a blank new backend").isFalse();
        vm.nameProperty().set("laptop");
        vm.locationProperty().set(url);
        assertThat(vm.unsaved()).isTrue();
        vm.saveBackend();
        assertThat(vm.unsaved()).as("saved").isFalse();

        vm.locationProperty().set(url + " ");
        assertThat(vm.unsaved())
                .as("as the backend keeps it, a space at the end is no edit")
                .isFalse();
        vm.maxRetriesProperty().set(7);
        vm.parameters().temperatureProperty().set("0.1");
        assertThat(vm.unsavedEdits()).isTrue();
        vm.discardEdits();
        assertThat(vm.unsavedEdits()).isFalse();
        assertThat(vm.maxRetriesProperty().get()).isEqualTo(BackendConfig.DEFAULT_MAX_RETRIES);
        assertThat(vm.parameters().temperatureProperty().get()).isNotEqualTo("0.1");

        vm.maxRetriesProperty().set(7);
        vm.parameters().temperatureProperty().set("0.1");
        vm.saveEdits(() -> {});
        BackendSettings saved = file.load();
        assertThat(saved.find("laptop").orElseThrow().maxRetries()).isEqualTo(7);
        assertThat(saved.defaults().temperature())
                .as("both saved, neither over the other")
                .isEqualTo(0.1);
        assertThat(vm.unsavedEdits()).isFalse();
    }

    @Test
    void testingSaysWhichServerAnsweredAndChoosesTheSchemaStyleOnlyForOneThatNamesItself() throws Exception {
        vm.newBackend();
        vm.kindProperty().set(BackendKind.OLLAMA);
        vm.locationProperty().set(url);
        vm.testConnection();
        assertThat(vm.detectedProperty().get()).isEqualTo("Detected: Ollama");

        try (LoopbackServer plain = new LoopbackServer(Protocol.OPENAI);
                LoopbackServer vllm = new LoopbackServer(Protocol.OPENAI).ownedBy("vllm")) {
            vm.kindProperty().set(BackendKind.OPENAI);
            vm.locationProperty().set(plain.url());
            vm.schemaStyleProperty().set(SchemaStyle.JSON_OBJECT);
            vm.testConnection();
            assertThat(vm.detectedProperty().get())
                    .isEqualTo("Detected: OpenAI-compatible server — output schema sent as json_object + schema");
            assertThat(vm.schemaStyleProperty().get())
                    .as("a server that does not say what it is keeps the user's choice")
                    .isEqualTo(SchemaStyle.JSON_OBJECT);

            vm.locationProperty().set(vllm.url());
            vm.testConnection();
            assertThat(vm.detectedProperty().get()).isEqualTo("Detected: vLLM — output schema sent as json_schema");
            assertThat(vm.schemaStyleProperty().get()).isEqualTo(SchemaStyle.JSON_SCHEMA);
        }

        vm.kindProperty().set(BackendKind.GGUF);
        vm.locationProperty().set(dir.resolve("missing.gguf").toString());
        vm.testConnection();
        assertThat(vm.detectedProperty().get())
                .as("a failed test detects nothing")
                .isEmpty();
    }

    @Test
    void aFailedTestSaysWhy() {
        vm.newBackend();
        vm.kindProperty().set(BackendKind.GGUF);
        vm.locationProperty().set(dir.resolve("missing.gguf").toString());

        vm.testConnection();

        assertThat(vm.testResultProperty().get())
                .isEqualTo("The model file " + dir.resolve("missing.gguf") + " does not exist");
        assertThat(vm.models()).isEmpty();
        assertThat(vm.testingProperty().get()).isFalse();
    }

    @Test
    void editsRenamesChoosesTheDefaultAndRemoves() {
        add("first", BackendKind.OLLAMA, url, "");
        add("second", BackendKind.OPENAI, url + "/v1", "sk-secret-9876");
        assertThat(file.load().defaultBackend()).isEqualTo("first");

        vm.selectedProperty().set(vm.backends().get(1));
        assertThat(vm.apiKeyProperty().get()).isEqualTo("sk-secret-9876");
        vm.nameProperty().set("llama-server");
        vm.schemaStyleProperty().set(SchemaStyle.JSON_OBJECT);
        vm.saveBackend();
        vm.makeSelectedDefault();

        BackendSettings saved = file.load();
        assertThat(saved.backends()).extracting(BackendConfig::name).containsExactly("first", "llama-server");
        assertThat(saved.defaultBackend()).isEqualTo("llama-server");
        assertThat(saved.find("llama-server").orElseThrow().schemaStyle()).isEqualTo(SchemaStyle.JSON_OBJECT);

        vm.removeSelected();
        assertThat(file.load().backends()).extracting(BackendConfig::name).containsExactly("first");
        assertThat(file.load().defaultBackend()).isEqualTo("first");
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void aDuplicateNameOrAMissingUrlIsRefusedWithAReason() {
        add("first", BackendKind.OLLAMA, url, "");
        vm.newBackend();
        vm.nameProperty().set("first");
        vm.locationProperty().set(url);
        vm.saveBackend();
        assertThat(vm.problemProperty().get().message()).isEqualTo("There is already a backend named 'first'");

        vm.newBackend();
        vm.locationProperty().set("");
        vm.saveBackend();
        assertThat(vm.problemProperty().get().message()).isEqualTo("Enter the server's URL");
        assertThat(file.load().backends()).hasSize(1);
    }

    @Test
    void savesDefaultParametersOrSaysWhichFieldIsWrong() {
        vm.parameters().temperatureProperty().set("0.2");
        vm.parameters().maxTokensProperty().set("128");
        vm.parameters().seedProperty().set("7");
        vm.parameters().stopProperty().set("### | END");
        vm.parameters().timeoutSecondsProperty().set("30");
        vm.saveParameters();

        assertThat(file.load().defaults().maxTokens()).isEqualTo(128);
        assertThat(file.load().defaults().stop()).containsExactly("###", "END");
        assertThat(file.load().defaults().timeout()).isEqualTo(Duration.ofSeconds(30));

        vm.parameters().maxTokensProperty().set("lots");
        vm.saveParameters();
        assertThat(vm.problemProperty().get().message()).isEqualTo("Max tokens: 'lots' is not a whole number");
        assertThat(file.load().defaults().maxTokens()).isEqualTo(128);
    }

    @Test
    void aDamagedFileIsReportedAndNeverSavedOver() throws Exception {
        Files.writeString(file.file(), "{ not json");
        SettingsViewModel damaged =
                new SettingsViewModel(file, new LocalBackendProbe(), new CurrentThreadTaskExecutor());

        assertThat(damaged.problemProperty().get().message()).contains("backends.json line 1");
        damaged.locationProperty().set(url);
        damaged.saveBackend();

        assertThat(Files.readString(file.file())).isEqualTo("{ not json");
        assertThat(damaged.problemProperty().get().message()).contains("fix or remove it first");
    }

    private void add(String name, BackendKind kind, String location, String key) {
        vm.newBackend();
        vm.nameProperty().set(name);
        vm.kindProperty().set(kind);
        vm.locationProperty().set(location);
        vm.apiKeyProperty().set(key);
        vm.saveBackend();
    }

    @Test
    void editsNotSavedComeBackWholeInTheNextSessionUntilSaved() throws Exception {
        Path drafts = dir.resolve("drafts");
        vm.keepEditsIn(drafts);
        vm.newBackend();
        vm.nameProperty().set("gpu box");
        vm.kindProperty().set(BackendKind.OPENAI);
        vm.locationProperty().set("http://127.0.0.1:8080/v1");
        vm.modelProperty().set("qwen");
        vm.apiKeyProperty().set("sk-secret-1234");
        vm.schemaStyleProperty().set(SchemaStyle.JSON_OBJECT);
        vm.maxInFlightProperty().set(2);
        vm.defaultProperty().set(true);
        assertThat(vm.unsavedProperty().get()).isTrue();
        Path kept = drafts.resolve("settings-backend.json");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                    .as("it holds the API key")
                    .isEqualTo("rw-------");
        }

        SettingsViewModel next = new SettingsViewModel(
                file, new LocalBackendProbe(Duration.ofSeconds(2)), new CurrentThreadTaskExecutor());
        next.keepEditsIn(drafts);

        assertThat(next.selectedProperty().get()).isNull();
        assertThat(next.nameProperty().get()).isEqualTo("gpu box");
        assertThat(next.kindProperty().get()).isEqualTo(BackendKind.OPENAI);
        assertThat(next.locationProperty().get()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(next.modelProperty().get()).isEqualTo("qwen");
        assertThat(next.apiKeyProperty().get()).isEqualTo("sk-secret-1234");
        assertThat(next.schemaStyleProperty().get()).isEqualTo(SchemaStyle.JSON_OBJECT);
        assertThat(next.maxInFlightProperty().get()).isEqualTo(2);
        assertThat(next.defaultProperty().get()).isTrue();
        assertThat(next.unsavedProperty().get()).isTrue();
        assertThat(next.messageProperty().get()).isEqualTo("Restored unsaved edits to a new backend — Save or Discard");

        next.saveBackend();
        BackendConfig saved = file.load().find("gpu box").orElseThrow();
        assertThat(saved.apiKey()).isEqualTo("sk-secret-1234");
        assertThat(saved.schemaStyleChosen()).as("chosen by hand").isTrue();
        assertThat(file.load().defaultBackend()).isEqualTo("gpu box");
        assertThat(kept).doesNotExist();
        assertThat(next.unsavedProperty().get()).isFalse();
        assertThat(next.messageProperty().get()).isEmpty();
    }

    @Test
    void keptEditsThatCannotBeReadAreSaidToBeSoAndTheEditorStaysAsSaved() throws Exception {
        Path drafts = Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(drafts.resolve("settings-backend.json"), "{\"editing\": ");

        vm.keepEditsIn(drafts);

        assertThat(vm.messageProperty().get())
                .startsWith("The backend edits kept from the last session could not be read: ");
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(vm.nameProperty().get()).isEmpty();
    }

    @Test
    void theServerTestConnectionFoundIsSavedWithTheBackendUntilTheUrlChanges() throws Exception {
        try (LoopbackServer llama = new LoopbackServer(Protocol.OPENAI).ownedBy("llamacpp")) {
            vm.newBackend();
            vm.nameProperty().set("laptop");
            vm.kindProperty().set(BackendKind.OPENAI);
            vm.locationProperty().set(llama.url());
            vm.testConnection();
            assertThat(vm.schemaStyleProperty().get()).isEqualTo(SchemaStyle.JSON_OBJECT);
            vm.saveBackend();
            BackendConfig tested = file.load().find("laptop").orElseThrow();
            assertThat(tested.server()).isEqualTo(ServerKind.LLAMA_CPP);
            assertThat(tested.schemaStyleChosen()).as("detected, not chosen").isFalse();
            assertThat(tested.undetected()).isFalse();

            vm.locationProperty().set(llama.url().replace("/v1", "/other/v1"));
            vm.saveBackend();
            assertThat(file.load().find("laptop").orElseThrow().server())
                    .as("another URL is another server: its first use finds out again")
                    .isNull();
        }
    }
}
