package io.siftbench.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.runs.LoopbackProject;
import io.siftbench.app.runs.StudioPreviews;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.views.prompts.PreviewSources;
import io.siftbench.views.prompts.PreviewViewModel;
import io.siftbench.views.prompts.PromptStudioViewModel;
import io.siftbench.views.prompts.StudioSources;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import io.siftbench.views.testing.HeldTasks;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A judge designed in the studio, rendered against a stored run's answered samples and previewed on its first
 * five through a loopback server speaking the OpenAI protocol, whose scores depend on the judged question.
 */
class JudgePreviewTest {

    /** The judge's score per question; "bravo" is never answered by the annotator, so it is never judged. */
    private static final Map<String, Integer> SCORES =
            Map.of("alpha", 1, "charlie", 2, "delta", 4, "echo", 5, "foxtrot", 3, "golf", 2);

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject();

    private Project project;
    private LoopbackServer server;
    private PromptStudioViewModel studio;
    private PreviewViewModel preview;
    private RunInfo annotated;

    @BeforeEach
    void annotateSevenQuestionsOneOfThemFailed() throws Exception {
        project = fixture.project();
        server = fixture.server();
        server.always((srv, exchange, request) -> {
            String user = LoopbackServer.lastUserMessage(request);
            if (user.equals("Q: bravo")) {
                LoopbackServer.status(400).send(srv, exchange, request);
            } else if (user.startsWith("Q: ")) {
                LoopbackServer.answer("{\"label\": \"card_arrival\", \"rationale\": \"asks about " + user.substring(3)
                                + "\"}")
                        .send(srv, exchange, request);
            } else {
                String question = user.substring("Grade: ".length(), user.indexOf(" labelled "));
                LoopbackServer.answer(
                                "{\"score\": " + SCORES.get(question) + ", \"reason\": \"" + question + " graded\"}")
                        .send(srv, exchange, request);
            }
        });
        DatasetInfo questions = fixture.importCsv("q", "text\nalpha\nbravo\ncharlie\ndelta\necho\nfoxtrot\ngolf\n");
        StoredVersion intent = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}], "rationale": true},
                 "template": {"user": "Q: {{text}}"}}
                """,
                        "intent.json"));
        annotated = fixture.launcher()
                .create(new RunConfig(
                        intent.id(),
                        PromptMode.ANNOTATE,
                        fixture.backend(),
                        "{}",
                        questions.id(),
                        1,
                        1,
                        7,
                        1,
                        RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        fixture.launcher().execute(annotated.id(), (s, p) -> {}, () -> false);
        annotated = project.runs().find(annotated.id()).orElseThrow();
        assertThat(annotated.failures()).isEqualTo(1);

        JsonBackendsFile user = new JsonBackendsFile(fixture.dir().resolve("config/backends.json"));
        user.save(fixture.loopbackBackends());
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        studio = new PromptStudioViewModel(
                new SimpleObjectProperty<>(project)
                        .map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())),
                tasks);
        FirstUseDetection firstUse = new FirstUseDetection(user, new LocalBackendProbe());
        preview = new PreviewViewModel(
                studio,
                new SimpleObjectProperty<>(project)
                        .map(p -> new PreviewSources(p.datasets(), new StudioPreviews(p, firstUse))),
                tasks,
                user);
        studio.draft().nameProperty().set("faithful");
        studio.draft().modeProperty().set(PromptMode.JUDGE);
        studio.draft().systemTemplateProperty().set("Grade from 1 to 5.");
        studio.draft()
                .userTemplateProperty()
                .set("Grade: {{sample.text}} labelled {{sample.label}} because {{sample.rationale}}");
    }

    @Test
    void theSamplesOfARunNoLongerChosenAreNotShownWhenTheyArrive() {
        HeldTasks held = new HeldTasks();
        PromptStudioViewModel late = new PromptStudioViewModel(
                new SimpleObjectProperty<>(project)
                        .map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())),
                held);
        late.draft().modeProperty().set(PromptMode.JUDGE);
        held.run(1);
        assertThat(late.judged().runProperty().get().id()).isEqualTo(annotated.id());

        late.judged().runProperty().set(null);
        held.run(2);

        assertThat(late.judged().currentProperty().get()).isNull();
        assertThat(late.judged().textProperty().get())
                .isEqualTo("No run to judge is chosen: an example sample stands in.");
    }

    @Test
    void rendersTheJudgeWithTheRunsAnsweredSamplesOneAfterTheOther() {
        assertThat(studio.judged().runs()).extracting(RunInfo::id).containsExactly(annotated.id());
        assertThat(studio.judged().runProperty().get().id()).isEqualTo(annotated.id());

        assertThat(studio.livePreview().renderedUserProperty().get())
                .isEqualTo("Grade: alpha labelled card_arrival because asks about alpha");
        studio.judged().next();
        // bravo's request failed: it has no answer to judge.
        assertThat(studio.livePreview().renderedUserProperty().get())
                .isEqualTo("Grade: charlie labelled card_arrival because asks about charlie");
        assertThat(studio.judged().textProperty().get())
                .matches("Sample #\\d+ of run " + annotated.id() + " \\(2 of the first 6 answered\\)");
        studio.judged().previous();
        studio.judged().previous();
        assertThat(studio.livePreview().renderedUserProperty().get()).startsWith("Grade: alpha ");

        // The judged sample's fields are known; a misspelt one is still flagged.
        assertThat(studio.livePreview().problems()).noneMatch(p -> p.contains("{{"));
        studio.draft()
                .userTemplateProperty()
                .set("Grade: {{sample.text}} labelled {{sample.label}} because {{sample.rationle}}");
        assertThat(studio.livePreview().problems()).contains("the judged sample has no {{sample.rationle}}");
    }

    @Test
    void previewJudgesTheFirstFiveAnsweredSamplesAndShowsEachScoreAndReason() {
        preview.loadBackends();

        preview.preview();

        List<Sample> verdicts = preview.samples();
        assertThat(verdicts).hasSize(PreviewViewModel.SAMPLES);
        Map<Long, String> questions = project.samples().list(annotated.id(), 0, 100).stream()
                .filter(s -> !s.failed())
                .collect(Collectors.toMap(
                        Sample::id, s -> s.slot().messages().get(0).content().substring(3)));
        assertThat(verdicts)
                .extracting(v -> questions.get(v.slot().judgedSampleId()))
                .containsExactly("alpha", "charlie", "delta", "echo", "foxtrot");
        for (Sample v : verdicts) {
            String question = questions.get(v.slot().judgedSampleId());
            assertThat(v.valid()).isTrue();
            assertThat(v.confidence())
                    .as(question)
                    .isEqualTo(SCORES.get(question).doubleValue());
            assertThat(v.rationale()).isEqualTo(question + " graded");
            assertThat(PreviewViewModel.describe(v))
                    .contains(
                            "judges sample #" + v.slot().judgedSampleId(),
                            "score: " + SCORES.get(question) + " · reason: " + question + " graded");
        }
        assertThat(preview.messageProperty().get()).isEqualTo("5 samples, 5 valid");
        // The backend was held to the scale the studio shows.
        JsonNode schema = server.bodies()
                .get(server.bodies().size() - 1)
                .path("response_format")
                .path("json_schema")
                .path("schema");
        assertThat(schema.at("/properties/score/maximum").asDouble()).isEqualTo(5.0);
        // Nothing was stored: no judge run, no sample.
        assertThat(project.runs().list()).extracting(RunInfo::id).containsExactly(annotated.id());
        assertThat(project.samples().count(annotated.id())).isEqualTo(7);
    }

    @Test
    void editingTheJudgesScaleMarksTheVerdictsAsOfAnEarlierDraft() {
        preview.loadBackends();
        preview.preview();
        assertThat(preview.staleProperty().get()).isFalse();

        studio.draft().scale().maxProperty().set("10");

        assertThat(preview.staleProperty().get()).isTrue();
        assertThat(preview.samples()).hasSize(PreviewViewModel.SAMPLES);
        assertThat(preview.messageProperty().get())
                .endsWith("made with an earlier draft: preview again to see this one's");
    }

    @Test
    void aConditionTheRunToJudgeDoesNotDeclareIsFlagged() throws Exception {
        studio.draft()
                .userTemplateProperty()
                .set(
                        "Grade: {{sample.text}} labelled {{sample.label}}{{#condition.tone}} ({{condition.tone}}){{/condition.tone}}");
        // The annotator declared no condition.
        assertThat(studio.livePreview().problems()).contains("the judged sample has no {{condition.tone}}");

        StoredVersion toned = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "toned", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                 "template": {"user": "Q: {{text}}"},
                 "conditions": [{"name": "tone", "values": [{"value": "angry"}, {"value": "polite"}]},
                                {"name": "mood", "enabled": false, "values": [{"value": "glum"}]}]}
                """,
                        "toned.json"));
        RunInfo tonedRun = fixture.launcher()
                .create(new RunConfig(
                        toned.id(),
                        PromptMode.ANNOTATE,
                        fixture.backend(),
                        "{}",
                        annotated.config().datasetId(),
                        1,
                        1,
                        3,
                        1,
                        RunDetails.of(null, GenerationParameters.DEFAULT).toJson()));
        fixture.launcher().execute(tonedRun.id(), (s, p) -> {}, () -> false);
        studio.judged().loadRuns();
        studio.judged()
                .runProperty()
                .set(studio.judged().runs().stream()
                        .filter(r -> r.id() == tonedRun.id())
                        .findFirst()
                        .orElseThrow());

        assertThat(studio.livePreview().problems()).noneMatch(p -> p.contains("{{"));
        assertThat(studio.livePreview().renderedUserProperty().get())
                .matches("Grade: alpha labelled .*\\((angry|polite)\\)");
        // A condition switched off is still declared; a misspelt one is not.
        studio.draft().userTemplateProperty().set("{{condition.mood}} {{condition.tones}}");
        assertThat(studio.livePreview().problems()).contains("the judged sample has no {{condition.tones}}");
    }

    @Test
    void withoutARunToJudgeThePreviewSaysWhereToChooseOne() {
        int before = server.chatRequests();
        studio.judged().runProperty().set(null);
        preview.loadBackends();

        preview.preview();

        assertThat(preview.messageProperty().get())
                .isEqualTo("A judge scores the samples of a run: choose the run to judge under Rendered prompt.");
        assertThat(server.chatRequests()).isEqualTo(before);
        assertThat(studio.judged().textProperty().get())
                .isEqualTo("No run to judge is chosen: an example sample stands in.");
    }
}
