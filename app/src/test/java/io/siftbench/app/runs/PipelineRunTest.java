package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunEngine;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pipeline runs through the real run machinery, against a loopback server speaking the OpenAI protocol to the real
 * langchain4j client: a pipeline run stopped inside its second step resumes with exactly the missing samples, a
 * step that takes the accepted samples continues exactly those, and a chain that starts from a dataset carries its
 * records along.
 */
class PipelineRunTest {

    private BackendSettings user;

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject(() -> user);

    private Project project;
    private LoopbackServer server;
    private final AtomicInteger answerRequests = new AtomicInteger();
    private final AtomicInteger questionNumber = new AtomicInteger();

    @BeforeEach
    void addTheExamplePrompts() {
        project = fixture.project();
        server = fixture.server();
        user = fixture.loopbackBackends();
        server.always(LoopbackServer.answering(request -> {
            String asked = LoopbackServer.lastUserMessage(request);
            if (asked.startsWith("Topic: ")) {
                return "{\"text\": \"Q" + questionNumber.incrementAndGet() + " on " + asked.substring(7) + "\"}";
            }
            if (asked.startsWith("Q: ")) {
                return "{\"label\": \"card_arrival\"}";
            }
            answerRequests.incrementAndGet();
            return "{\"text\": \"A to " + asked + "\"}";
        }));
        Path examples = Path.of("..", "docs", "examples");
        project.prompts().save(PromptFile.read(examples.resolve("question-writer.prompt.json")));
        project.prompts().save(PromptFile.read(examples.resolve("answerer.prompt.json")));
    }

    private PipelineRunner runner() {
        return new ProjectRuns(project, fixture.backends(), EmbeddingModels::miniLm).pipelines();
    }

    private StoredPipeline save(String json) {
        return project.pipelines().save(PipelineFile.parse(json, "test.pipeline.json"));
    }

    private PipelineSettings settings(Long datasetId, Integer samples) {
        return new PipelineSettings(
                fixture.backend(),
                datasetId,
                samples,
                3,
                1,
                1,
                RunDetails.of(null, GenerationParameters.DEFAULT).toJson());
    }

    private static RunEngine.Listener quiet() {
        return (sample, progress) -> {};
    }

    @Test
    void aPipelineRunStoppedInsideItsSecondStepResumesWithExactlyTheMissingAnswers() throws Exception {
        StoredPipeline qa = project.pipelines()
                .save(PipelineFile.read(Path.of("..", "docs", "examples", "question-answer.pipeline.json")));
        long pipelineRun = runner().start(qa, settings(null, 8));
        AtomicInteger answersStored = new AtomicInteger();

        PipelineRunner.Outcome stopped = runner().execute(
                        pipelineRun,
                        (step, definition, run) -> step == 0 ? quiet() : (sample, p) -> answersStored.incrementAndGet(),
                        () -> answersStored.get() >= 3);

        assertThat(stopped.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(stopped.stopped()).isEqualTo(1);
        RunInfo answerRun = stopped.stepRuns().get(1);
        long before = project.samples().count(answerRun.id());
        assertThat(before).isBetween(3L, 7L);

        PipelineRunner.Outcome resumed = runner().execute(pipelineRun, (step, definition, run) -> quiet(), () -> false);

        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.stepRuns())
                .extracting(RunInfo::id)
                .containsExactly(stopped.stepRuns().get(0).id(), answerRun.id());
        assertThat(questionNumber.get()).as("no question asked again").isEqualTo(8);
        assertThat(answerRequests.get())
                .as("the resume asked the %d missing answers only", 8 - before)
                .isEqualTo(8);
        List<Sample> answers = project.samples().list(answerRun.id(), 0, 100);
        assertThat(answers)
                .hasSize(8)
                .extracting(a -> a.slot().parentSampleId())
                .doesNotHaveDuplicates();
        assertThat(project.runs().list()).hasSize(2);
    }

    @Test
    void aStepTakingTheAcceptedSamplesWaitsForThemAndContinuesExactlyThose() throws Exception {
        StoredPipeline qa = save(
                """
                {"name": "qa-reviewed", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none"},
                  {"name": "answer", "prompt": "answerer", "input": "step:question", "select": "accepted"}]}
                """);
        long pipelineRun = runner().start(qa, settings(null, 5));

        assertThatThrownBy(() -> runner().execute(pipelineRun, (step, definition, run) -> quiet(), () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("continues the accepted samples of step 'question'")
                .hasMessageContaining("none is accepted");
        RunInfo questionRun = runner().stepRuns(pipelineRun).get(0);
        List<Sample> questions = project.samples().list(questionRun.id(), 0, 100);
        assertThat(questions).hasSize(5);
        project.decisions()
                .decide(List.of(
                        Decision.of(questions.get(1).id(), DecisionStatus.ACCEPTED, null),
                        Decision.of(questions.get(3).id(), DecisionStatus.REJECTED, null),
                        Decision.edit(questions.get(4).id(), "a better question", null, null)));

        PipelineRunner.Outcome done = runner().execute(pipelineRun, (step, definition, run) -> quiet(), () -> false);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        List<Sample> answers = project.samples().list(done.stepRuns().get(1).id(), 0, 100);
        assertThat(answers)
                .extracting(a -> a.slot().parentSampleId())
                .containsExactlyInAnyOrder(
                        questions.get(1).id(), questions.get(4).id());
        assertThat(questionNumber.get()).as("step 1 was not asked again").isEqualTo(5);
    }

    @Test
    void aChainFromADatasetCarriesEachRecordAndItsLabelIntoTheNextStep() throws Exception {
        DatasetInfo questions = fixture.importCsv("q", "text\nwhere is my card\nwhy a fee\n");
        project.prompts()
                .save(PromptFile.parse(
                        """
                        {"name": "intent", "mode": "annotate", "task": {"labels": [{"name": "card_arrival"}]},
                         "template": {"user": "Q: {{text}}"}}
                        """,
                        "intent.json"));
        project.prompts()
                .save(PromptFile.parse(
                        """
                        {"name": "explainer", "mode": "synthesize",
                         "template": {"user": "{{steps.intent.text}} ({{record.text}}) is {{steps.intent.label}}"},
                         "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
                        """,
                        "explainer.json"));
        StoredPipeline chain = save(
                """
                {"name": "explain", "steps": [
                  {"name": "intent", "prompt": "intent", "input": "dataset"},
                  {"name": "why", "prompt": "explainer", "input": "step:intent"}]}
                """);

        long pipelineRun = runner().start(chain, settings(questions.id(), null));
        PipelineRunner.Outcome done = runner().execute(pipelineRun, (step, definition, run) -> quiet(), () -> false);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        List<Sample> labelled = project.samples().list(done.stepRuns().get(0).id(), 0, 100);
        List<Sample> explained = project.samples().list(done.stepRuns().get(1).id(), 0, 100);
        assertThat(explained)
                .extracting(Sample::text)
                .as("a step prompt reads its chain's record")
                .containsExactlyInAnyOrder(
                        "A to where is my card (where is my card) is card_arrival",
                        "A to why a fee (why a fee) is card_arrival");
        assertThat(explained).allSatisfy(e -> {
            Sample parent = labelled.stream()
                    .filter(l -> l.id() == e.slot().parentSampleId())
                    .findFirst()
                    .orElseThrow();
            assertThat(e.slot().recordId()).isEqualTo(parent.slot().recordId());
        });
    }

    @Test
    void aThirdStepSeesEveryEarlierStepOfItsChain() throws Exception {
        project.prompts()
                .save(PromptFile.parse(
                        """
                        {"name": "pairer", "mode": "synthesize",
                         "template": {"user": "{{steps.question.text}} => {{steps.answer.text}}"},
                         "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
                        """,
                        "pairer.json"));
        StoredPipeline chain = save(
                """
                {"name": "qa-pairs", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none"},
                  {"name": "answer", "prompt": "answerer", "input": "step:question"},
                  {"name": "pair", "prompt": "pairer", "input": "step:answer"}]}
                """);

        long pipelineRun = runner().start(chain, settings(null, 3));
        PipelineRunner.Outcome done = runner().execute(pipelineRun, (step, definition, run) -> quiet(), () -> false);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        List<Sample> questions = project.samples().list(done.stepRuns().get(0).id(), 0, 100);
        assertThat(project.samples().list(done.stepRuns().get(2).id(), 0, 100))
                .extracting(Sample::text)
                .containsExactlyInAnyOrderElementsOf(questions.stream()
                        .map(q -> "A to " + q.text() + " => A to " + q.text())
                        .toList());
    }

    @Test
    void aPipelineRunAskedForWhatItsFirstStepCannotTakeStoresNothing() {
        StoredPipeline qa = project.pipelines()
                .save(PipelineFile.read(Path.of("..", "docs", "examples", "question-answer.pipeline.json")));

        assertThatThrownBy(() -> runner().start(qa, settings(null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("synthesizes: say how many samples");
        assertThat(project.runs().list()).isEmpty();
        assertThat(project.pipelines().findRun(1)).isEmpty();
    }
}
