package io.siftbench.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.runs.LoopbackProject;
import io.siftbench.app.runs.StudioPreviews;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.prompts.PreviewSources;
import io.siftbench.views.prompts.PreviewViewModel;
import io.siftbench.views.prompts.PromptStudioViewModel;
import io.siftbench.views.prompts.StudioSources;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Preview 5" on a real project file against a loopback server speaking the OpenAI protocol: the draft as it
 * stands is planned and sent, each answer parsed and validated, and nothing is stored.
 */
class PreviewViewModelTest {

    private static final String TEXT_SCHEMA =
            "{\"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\"}}," + " \"required\": [\"text\"]}";

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    private Project project;
    private LoopbackServer server;
    private PromptStudioViewModel studio;
    private PreviewViewModel preview;
    /** The user's backends file, as Settings writes it. */
    private JsonBackendsFile backends;

    @BeforeEach
    void open() throws Exception {
        project = fixture.project();
        server = fixture.server();
        backends = new JsonBackendsFile(fixture.dir().resolve("config/backends.json"));
        backends.save(fixture.loopbackBackends());
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        studio = new PromptStudioViewModel(
                new SimpleObjectProperty<>(project)
                        .map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())),
                tasks);
        FirstUseDetection firstUse = new FirstUseDetection(backends, new LocalBackendProbe());
        preview = new PreviewViewModel(
                studio,
                new SimpleObjectProperty<>(project)
                        .map(p -> new PreviewSources(p.datasets(), new StudioPreviews(p, firstUse))),
                tasks,
                backends);
        fixture.importCsv(
                "q",
                "text,category\ncard lost,lost_card\ncard late,card_arrival\nwhere is my card,card_arrival\n"
                        + "stolen card,lost_card\ncard never came,card_arrival\nlost it,lost_card\n");
    }

    @Test
    void previewsFiveAnnotationsOfTheDraftWithDemonstrationsAndStoresNothing() {
        // The model answers "lost_card" when the question says lost, else something off the label set.
        server.always(LoopbackServer.answering(request -> {
            String user = request.path("messages")
                    .get(request.path("messages").size() - 1)
                    .path("content")
                    .asText();
            String question = user.substring(user.lastIndexOf("Q: ") + 3);
            return question.contains("lost") ? "{\"label\": \"lost_card\"}" : "{\"label\": \"no_such_label\"}";
        }));
        studio.draft().nameProperty().set("intent");
        studio.draft().modeProperty().set(PromptMode.ANNOTATE);
        studio.draft().labelsProperty().set("lost_card | lost\ncard_arrival | late");
        studio.draft().userTemplateProperty().set("{{#demos}}E: {{text}} = {{label}}\n{{/demos}}Q: {{text}}");
        studio.draft().demoDatasetProperty().set("q");
        studio.draft().demoStrategyProperty().set(DemonstrationStrategy.RANDOM);
        studio.draft().demoKProperty().set(2);
        studio.draft().demoLabelProperty().set("category");
        preview.loadBackends();
        assertThat(preview.generation().backendProperty().get().name()).isEqualTo("loopback");

        preview.preview();

        List<Sample> samples = preview.samples();
        assertThat(samples).hasSize(PreviewViewModel.SAMPLES);
        assertThat(server.chatRequests()).isEqualTo(PreviewViewModel.SAMPLES);
        Map<Boolean, Integer> byValidity = new HashMap<>();
        for (Sample s : samples) {
            String question =
                    s.slot().messages().get(s.slot().messages().size() - 1).content();
            question = question.substring(question.lastIndexOf("Q: ") + 3);
            assertThat(s.valid()).as(question).isEqualTo(question.contains("lost"));
            if (s.valid()) {
                assertThat(s.label()).isEqualTo("lost_card");
            } else {
                assertThat(s.validationError()).contains("no_such_label");
                assertThat(s.rawOutput()).isEqualTo("{\"label\": \"no_such_label\"}");
            }
            assertThat(s.slot().demonstrationIds())
                    .hasSize(2)
                    .doesNotContain(s.slot().recordId());
            assertThat(PreviewViewModel.describe(s))
                    .contains(
                            "demonstrations: records " + s.slot().demonstrationIds(),
                            "raw: " + s.rawOutput(),
                            s.latencyMillis() + " ms",
                            s.valid() ? "valid" : "invalid: ")
                    .contains("user:\nE: ")
                    .contains(s.slot()
                            .messages()
                            .get(s.slot().messages().size() - 1)
                            .content());
            byValidity.merge(s.valid(), 1, Integer::sum);
        }
        assertThat(byValidity).containsKeys(true, false);
        assertThat(preview.messageProperty().get())
                .isEqualTo("5 samples, " + byValidity.getOrDefault(true, 0) + " valid");
        assertThat(preview.runningProperty().get()).isFalse();
        assertThat(project.runs().list()).isEmpty();
    }

    @Test
    void previewsSynthesisOverTheSwitchedOnValuesOnly() {
        server.always(LoopbackServer.answering(request -> "{\"text\": \"about "
                + request.path("messages").get(0).path("content").asText() + "\"}"));
        studio.draft().nameProperty().set("stories");
        studio.draft().modeProperty().set(PromptMode.SYNTHESIZE);
        studio.draft().systemTemplateProperty().set("{{condition.tone}}");
        studio.draft().userTemplateProperty().set("Write one.");
        studio.draft().outputSchemaProperty().set(TEXT_SCHEMA);
        studio.draft().editCondition(0, c -> c.pasteValues("calm"));
        studio.draft().switchValue(0, 0, false);
        preview.loadBackends();

        preview.preview();

        assertThat(preview.samples()).hasSize(5).allSatisfy(s -> {
            assertThat(s.valid()).isTrue();
            assertThat(s.conditions().get("tone"))
                    .isNotEqualTo(
                            studio.draft().conditions().get(0).values().get(0).value());
            assertThat(s.text()).isEqualTo("about " + s.conditions().get("tone"));
        });
    }

    @Test
    void samplesOfAnEarlierDraftAreMarkedSoAndANewPreviewClearsTheMark() {
        server.always(LoopbackServer.answering(request -> "{\"text\": \""
                + request.path("messages").get(0).path("content").asText() + "\"}"));
        studio.draft().modeProperty().set(PromptMode.SYNTHESIZE);
        studio.draft().systemTemplateProperty().set("calm");
        studio.draft().userTemplateProperty().set("Write one.");
        studio.draft().outputSchemaProperty().set(TEXT_SCHEMA);
        preview.loadBackends();
        preview.preview();
        assertThat(preview.samples()).hasSize(5).allSatisfy(s -> assertThat(s.text())
                .isEqualTo("calm"));
        assertThat(preview.staleProperty().get()).isFalse();

        // Showing another record or combination is not an edit; changing the template is.
        studio.livePreview().sampleRecordProperty().set("{\"text\": \"other\"}");
        assertThat(preview.staleProperty().get()).isFalse();
        studio.draft().systemTemplateProperty().set("angry");

        assertThat(preview.staleProperty().get()).isTrue();
        assertThat(preview.samples()).hasSize(5);
        assertThat(preview.messageProperty().get())
                .isEqualTo("5 samples, 5 valid · made with an earlier draft: preview again to see this one's");
        preview.preview();
        assertThat(preview.staleProperty().get()).isFalse();
        assertThat(preview.samples()).allSatisfy(s -> assertThat(s.text()).isEqualTo("angry"));
        assertThat(preview.messageProperty().get()).isEqualTo("5 samples, 5 valid");
    }

    @Test
    void previewAsksForTheChosenModelTemperatureAndMaxTokens() {
        server.always(LoopbackServer.answer("{\"text\": \"a story\"}"));
        BackendSettings user = new BackendSettings(
                List.of(
                        BackendConfig.of(BackendKind.OPENAI, server.url(), "tiny")
                                .withName("loopback"),
                        BackendConfig.of(BackendKind.OPENAI, server.url(), "bigger")
                                .withName("also loopback")),
                "loopback",
                new GenerationParameters(0.4, 0.95, 512, null, List.of("END"), java.time.Duration.ofSeconds(60)));
        backends.save(user);
        studio.draft().nameProperty().set("stories");
        studio.draft().modeProperty().set(PromptMode.SYNTHESIZE);
        studio.draft().userTemplateProperty().set("Write one.");
        preview.loadBackends();
        assertThat(preview.generation().modelProperty().get()).isEqualTo("tiny");
        assertThat(preview.generation().temperatureProperty().get()).isEqualTo(0.4);
        preview.generation().backendProperty().set(user.find("also loopback").orElseThrow());
        assertThat(preview.generation().modelProperty().get()).isEqualTo("bigger");

        preview.generation().modelProperty().set("qwen2.5:0.5b");
        preview.generation().temperatureProperty().set(0.15);
        preview.generation().maxTokensProperty().set(33);
        preview.preview();

        assertThat(preview.samples()).hasSize(PreviewViewModel.SAMPLES);
        assertThat(server.bodies()).hasSize(PreviewViewModel.SAMPLES).allSatisfy(b -> {
            assertThat(b.path("model").asText()).isEqualTo("qwen2.5:0.5b");
            assertThat(b.path("temperature").asDouble()).isEqualTo(0.15);
            assertThat(b.path("max_tokens").asInt()).isEqualTo(33);
            assertThat(b.path("stop").get(0).asText()).isEqualTo("END"); // the rest from the user's defaults
        });

        preview.generation().temperatureProperty().set(-1.0);
        preview.preview();
        assertThat(preview.messageProperty().get()).startsWith("Generation parameters out of range");
        assertThat(server.chatRequests()).isEqualTo(PreviewViewModel.SAMPLES);
    }

    @Test
    void rendersThePromptAgainstARecordChosenByItsId() {
        studio.draft().userTemplateProperty().set("Q: {{text}}");
        preview.datasetProperty().set("q");
        long[] stolen = new long[1];
        project.datasets()
                .forEachRecord(project.datasets().find("q").orElseThrow().id(), r -> {
                    if (r.text("text").equals("stolen card")) {
                        stolen[0] = r.id();
                    }
                });
        preview.recordIdProperty().set(String.valueOf(stolen[0]));

        preview.useRecord();

        assertThat(studio.livePreview().renderedUserProperty().get()).isEqualTo("Q: stolen card");
        assertThat(preview.messageProperty().get()).isEqualTo("The prompt shows record " + stolen[0] + " of q.");
        preview.recordIdProperty().set("999");
        preview.useRecord();
        assertThat(preview.messageProperty().get()).isEqualTo("Dataset 'q' has no record 999.");
        assertThat(studio.livePreview().renderedUserProperty().get()).isEqualTo("Q: stolen card");
        preview.recordIdProperty().set("x1");
        preview.useRecord();
        assertThat(preview.messageProperty().get())
                .isEqualTo("A record is chosen by its id, a number: 'x1' is not one.");
    }

    @Test
    void withoutABackendThePreviewSaysWhy() {
        backends.save(BackendSettings.EMPTY);
        preview.loadBackends();

        preview.preview();

        assertThat(preview.messageProperty().get())
                .isEqualTo("The preview failed: Choose the backend to preview with (add one in Settings).");
        assertThat(server.chatRequests()).isZero();
    }

    @Test
    void mostlyInvalidOutputsOfAServerThatIgnoresJsonSchemaOfferTheFixWhichIsSavedAndPreviewsAgain() {
        // Like a llama.cpp server: json_schema is ignored and the model writes a story; json_object + schema is
        // enforced.
        server.always(LoopbackServer.likeLlamaCpp("{\"text\": \"a story\"}", "Once upon a time there was a card."));
        studio.draft().nameProperty().set("stories");
        studio.draft().modeProperty().set(PromptMode.SYNTHESIZE);
        studio.draft().userTemplateProperty().set("Write one.");
        studio.draft().outputSchemaProperty().set(TEXT_SCHEMA);
        preview.loadBackends();

        preview.preview();

        assertThat(preview.messageProperty().get()).isEqualTo("5 samples, 0 valid");
        assertThat(preview.schemaHintProperty().get())
                .isEqualTo("5 of 5 outputs were not valid JSON for the schema. llama.cpp servers ignore json_schema;");

        preview.sendSchemaAsJsonObject();

        assertThat(backends.load().find("loopback").orElseThrow().schemaStyle()).isEqualTo(SchemaStyle.JSON_OBJECT);
        assertThat(server.chatRequests()).isEqualTo(2 * PreviewViewModel.SAMPLES);
        assertThat(server.bodies()
                        .get(server.bodies().size() - 1)
                        .path("response_format")
                        .path("type")
                        .asText())
                .isEqualTo("json_object");
        assertThat(preview.messageProperty().get()).isEqualTo("5 samples, 5 valid");
        assertThat(preview.schemaHintProperty().get()).isEmpty();
        assertThat(preview.savedBackendsProperty()
                        .get()
                        .find("loopback")
                        .orElseThrow()
                        .schemaStyle())
                .isEqualTo(SchemaStyle.JSON_OBJECT);
    }

    @Test
    void noHintWhereMostOutputsAreValidOrTheSchemaIsAlreadySentAsJsonObject() {
        server.always(LoopbackServer.answer("Once upon a time there was a card."));
        studio.draft().nameProperty().set("stories");
        studio.draft().modeProperty().set(PromptMode.SYNTHESIZE);
        studio.draft().userTemplateProperty().set("Write one.");
        studio.draft().outputSchemaProperty().set(TEXT_SCHEMA);
        backends.save(new BackendSettings(
                List.of(BackendConfig.of(BackendKind.OPENAI, server.url(), "tiny")
                        .withName("loopback")
                        .withSchemaStyle(SchemaStyle.JSON_OBJECT)),
                "loopback",
                GenerationParameters.DEFAULT));
        preview.loadBackends();
        preview.preview();
        assertThat(preview.messageProperty().get()).isEqualTo("5 samples, 0 valid");
        assertThat(preview.schemaHintProperty().get())
                .as("json_object is already sent")
                .isEmpty();

        backends.save(fixture.loopbackBackends());
        preview.loadBackends();
        server.always(LoopbackServer.answer("{\"text\": \"a story\"}"));
        preview.preview();
        assertThat(preview.schemaHintProperty().get()).as("all valid").isEmpty();
    }
}
