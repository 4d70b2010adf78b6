package io.siftbench.app.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.LoopbackProject;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.app.runs.StudioPreviews;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.ServerKind;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.prompts.PreviewSources;
import io.siftbench.views.prompts.PreviewViewModel;
import io.siftbench.views.prompts.PromptStudioViewModel;
import io.siftbench.views.prompts.StudioSources;
import io.siftbench.views.settings.SettingsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first use of a backend never tested, against a loopback server that names itself as llama.cpp's does
 * ({@code owned_by: llamacpp}, {@code /props}) and, like it, ignores {@code json_schema} but honours
 * {@code json_object + schema}: the preview or run sends what the server honours, backends.json records what was
 * found (so it happens once), and the user is told.
 */
class FirstUseDetectionTest {

    private static final String TOLD =
            "Detected llama.cpp server on 'loopback': output schema sent as json_object + schema";

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    private JsonBackendsFile backends;
    private FirstUseDetection firstUse;

    @BeforeEach
    void llamaCppLikeServer() {
        fixture.server().ownedBy("llamacpp").serving("/props", "{\"total_slots\": 1}");
        fixture.server()
                .always(LoopbackServer.likeLlamaCpp(
                        "{\"label\": \"card_arrival\"}", "The card is on its way, I think."));
        backends = new JsonBackendsFile(fixture.dir().resolve("config/backends.json"));
        backends.save(fixture.loopbackBackends());
        firstUse = new FirstUseDetection(backends, new LocalBackendProbe());
    }

    @Test
    void aPreviewOnABackendNeverTestedSendsJsonObjectAndBackendsJsonRecordsTheServer() {
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        PromptStudioViewModel studio = new PromptStudioViewModel(
                new SimpleObjectProperty<>(fixture.project())
                        .map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())),
                tasks);
        PreviewViewModel preview = new PreviewViewModel(
                studio,
                new SimpleObjectProperty<>(fixture.project())
                        .map(p -> new PreviewSources(p.datasets(), new StudioPreviews(p, firstUse))),
                tasks,
                backends);
        studio.draft().modeProperty().set(PromptMode.SYNTHESIZE);
        studio.draft().nameProperty().set("questions");
        studio.draft().userTemplateProperty().set("Write a question about a card.");
        studio.draft()
                .outputSchemaProperty()
                .set("{\"type\": \"object\", \"properties\": {\"label\": {\"type\": \"string\"}},"
                        + " \"required\": [\"label\"]}");
        preview.loadBackends();

        preview.preview();

        assertThat(fixture.server().bodies()).hasSize(PreviewViewModel.SAMPLES).allSatisfy(body -> {
            assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
            assertThat(body.path("response_format").path("schema").isObject()).isTrue();
        });
        assertThat(preview.messageProperty().get()).isEqualTo(TOLD + " · 5 samples, 5 valid");
        assertThat(preview.schemaHintProperty().get()).isEmpty();
        BackendConfig saved = backends.load().find("loopback").orElseThrow();
        assertThat(saved.server()).isEqualTo(ServerKind.LLAMA_CPP);
        assertThat(saved.schemaStyle()).isEqualTo(SchemaStyle.JSON_OBJECT);

        preview.preview();
        assertThat(preview.messageProperty().get()).as("told once").isEqualTo("5 samples, 5 valid");

        // Settings shows what was found when that backend is shown.
        SettingsViewModel settings = new SettingsViewModel(backends, new LocalBackendProbe(), tasks);
        settings.selectedProperty().set(settings.backends().get(0));
        assertThat(settings.detectedProperty().get())
                .isEqualTo("Detected: llama.cpp server — output schema sent as json_object + schema");
        assertThat(settings.schemaStyleProperty().get()).isEqualTo(SchemaStyle.JSON_OBJECT);
    }

    @Test
    void aRunOnABackendNeverTestedIsProbedBeforeItsFirstRequestAndToldOnce() throws Exception {
        List<String> told = new ArrayList<>();
        try (RunBackends clients = new RunBackends(backends::load, firstUse, told::add)) {
            RunInfo first = run(clients, fixture.fiveQuestionRun());

            assertThat(fixture.project().samples().list(first.id(), 0, 10))
                    .hasSize(5)
                    .allMatch(Sample::valid);
            assertThat(fixture.server().bodies()).allSatisfy(body -> assertThat(
                            body.path("response_format").path("type").asText())
                    .isEqualTo("json_object"));
            assertThat(told).containsExactly(TOLD);
            assertThat(backends.load().find("loopback").orElseThrow().server()).isEqualTo(ServerKind.LLAMA_CPP);

            run(clients, fixture.fiveQuestionRun());
            assertThat(told).as("the next run needs no probe").containsExactly(TOLD);
        }
    }

    @Test
    void aServerNamedOnlyByItsAddressIsProbedOnceToldOnceAndNothingIsSaved() throws Exception {
        // As "run --backend openai:URL" names it, with no backend set up for it.
        backends.save(BackendSettings.EMPTY);
        List<String> told = new ArrayList<>();
        RunInfo first;
        try (RunBackends clients = new RunBackends(backends::load, firstUse, told::add)) {
            first = run(clients, fixture.fiveQuestionRun());
            run(clients, fixture.fiveQuestionRun());
        }

        assertThat(fixture.project().samples().list(first.id(), 0, 10))
                .hasSize(5)
                .allMatch(Sample::valid);
        assertThat(fixture.server().bodies()).hasSize(10).allSatisfy(body -> assertThat(
                        body.path("response_format").path("type").asText())
                .isEqualTo("json_object"));
        assertThat(told)
                .containsExactly("Detected llama.cpp server on "
                        + fixture.server().url() + ": output schema sent as json_object + schema");
        assertThat(backends.load()).as("nothing saved").isEqualTo(BackendSettings.EMPTY);
    }

    @Test
    void aStyleTheUserChoseIsLeftAsItIs() throws Exception {
        BackendConfig chosen = fixture.loopbackBackends().backends().get(0).withSchemaStyle(SchemaStyle.JSON_SCHEMA);
        backends.save(new BackendSettings(List.of(chosen), "loopback", GenerationParameters.DEFAULT));
        List<String> told = new ArrayList<>();
        try (RunBackends clients = new RunBackends(backends::load, firstUse, told::add)) {
            run(clients, fixture.fiveQuestionRun());
        }

        assertThat(fixture.server().bodies()).isNotEmpty().allSatisfy(body -> assertThat(
                        body.path("response_format").path("type").asText())
                .isEqualTo("json_schema"));
        assertThat(told).isEmpty();
        assertThat(backends.load().find("loopback").orElseThrow()).isEqualTo(chosen);
    }

    @Test
    void aProbeThatFailsLeavesTheBackendAsItIsAndTheRequestsSayWhatIsWrong() throws Exception {
        // The server wants a key the backend does not have: its listing and its chats answer 401.
        fixture.server().requireKey("sk-wanted");
        List<String> told = new ArrayList<>();
        RunInfo run;
        try (RunBackends clients = new RunBackends(backends::load, firstUse, told::add)) {
            run = run(clients, fixture.fiveQuestionRun());
        }

        assertThat(fixture.project().samples().list(run.id(), 0, 10)).hasSize(5).allSatisfy(s -> assertThat(s.error())
                .contains("not authorized (check the API key)"));
        assertThat(told).isEmpty();
        assertThat(backends.load()).isEqualTo(fixture.loopbackBackends());
        assertThat(backends.load().find("loopback").orElseThrow().undetected())
                .as("probed again on the next use")
                .isTrue();
    }

    @Test
    void aRunOnTheRealLlamaCppServerNeverTestedIsDetectedAndItsOutputsAreValid(@TempDir Path dir) throws Exception {
        try (LlamaServerProcess server = LlamaServerProcess.start(dir.resolve("llama-server.log"))) {
            backends.save(new BackendSettings(
                    List.of(BackendConfig.of(BackendKind.OPENAI, server.url(), "stories260K")
                            .withName("laptop")),
                    "laptop",
                    GenerationParameters.DEFAULT));
            RunConfig loopback = fixture.fiveQuestionRun().config();
            RunInfo created = fixture.launcher()
                    .create(new RunConfig(
                            loopback.promptVersionId(),
                            loopback.mode(),
                            new BackendRef("openai", server.url(), "stories260K"),
                            loopback.parameters(),
                            loopback.datasetId(),
                            loopback.seed(),
                            1,
                            loopback.target(),
                            1,
                            loopback.details()));
            List<String> told = new ArrayList<>();
            try (RunBackends clients = new RunBackends(backends::load, firstUse, told::add)) {
                run(clients, created);
            }

            assertThat(told)
                    .containsExactly(
                            "Detected llama.cpp server on 'laptop': output schema sent as json_object + schema");
            assertThat(backends.load().find("laptop").orElseThrow().schemaStyle())
                    .isEqualTo(SchemaStyle.JSON_OBJECT);
            assertThat(fixture.project().samples().list(created.id(), 0, 10))
                    .as("the server's grammar holds the tiny model to the schema")
                    .hasSize(5)
                    .allMatch(Sample::valid);
        }
    }

    /** Generates every sample of {@code run} through {@code clients}, as the Runs screen does. */
    private RunInfo run(RunBackends clients, RunInfo run) throws InterruptedException {
        new ProjectRuns(fixture.project(), clients, EmbeddingModels::miniLm)
                .launcher()
                .execute(run.id(), (sample, progress) -> {}, () -> false);
        return fixture.project().runs().find(run.id()).orElseThrow();
    }
}
