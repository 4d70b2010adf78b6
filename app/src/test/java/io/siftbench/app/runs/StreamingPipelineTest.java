package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineFileException;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A step that streams starts answering the questions of the step before while that step still writes them, and
 * still ends with exactly one answer per question; stopped in the middle of both, the pipeline resumes to the same
 * exact counts with nothing asked twice.
 */
class StreamingPipelineTest {

    private static final int QUESTIONS = 12;

    private BackendSettings user;

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject(() -> user);

    private Project project;
    /** What the server was asked, in the order asked: "Q" for a question, "A" for an answer. */
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private final AtomicInteger questionNumber = new AtomicInteger();

    @BeforeEach
    void addThePrompts() {
        project = fixture.project();
        user = fixture.loopbackBackends();
        // Questions come slowly, one at a time, so that a step waiting for all of them would start only at the end.
        fixture.server().always(LoopbackServer.after(Duration.ofMillis(40), LoopbackServer.answering(request -> {
            String text = LoopbackServer.lastUserMessage(request);
            if (text.startsWith("Topic: ")) {
                asked.add("Q");
                return "{\"text\": \"Q" + questionNumber.incrementAndGet() + " on " + text.substring(7) + "\"}";
            }
            asked.add("A");
            return "{\"text\": \"A to " + text + "\"}";
        })));
        Path examples = Path.of("..", "docs", "examples");
        project.prompts().save(PromptFile.read(examples.resolve("question-writer.prompt.json")));
        project.prompts().save(PromptFile.read(examples.resolve("answerer.prompt.json")));
    }

    private StoredPipeline streaming() {
        return project.pipelines()
                .save(PipelineFile.parse(
                        """
                {"name": "qa-streaming", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none"},
                  {"name": "answer", "prompt": "answerer", "input": "step:question", "stream": true}]}
                """,
                        "streaming.pipeline.json"));
    }

    private PipelineRunner runner() {
        return new ProjectRuns(project, fixture.backends(), EmbeddingModels::miniLm).pipelines();
    }

    private long start() {
        return runner().start(
                        streaming(),
                        new PipelineSettings(
                                fixture.backend(),
                                null,
                                QUESTIONS,
                                3,
                                1,
                                1,
                                RunDetails.of(null, GenerationParameters.DEFAULT)
                                        .toJson()));
    }

    @Test
    void theAnswersBeginBeforeTheLastQuestionAndEachQuestionIsAnsweredOnce() throws Exception {
        long pipelineRun = start();

        PipelineRunner.Outcome done =
                runner().execute(pipelineRun, (step, definition, run) -> (s, p) -> {}, () -> false);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(asked.indexOf("A"))
                .as("the first answer is asked for before the last question: %s", asked)
                .isLessThan(asked.lastIndexOf("Q"));
        assertAnsweredOnce(done.stepRuns());
        assertThat(asked).filteredOn("A"::equals).hasSize(QUESTIONS);
    }

    @Test
    void stoppedWhileBothStepsRunItResumesToOneAnswerPerQuestionWithNothingAskedTwice() throws Exception {
        long pipelineRun = start();
        AtomicInteger answers = new AtomicInteger();

        PipelineRunner.Outcome stopped = runner().execute(
                        pipelineRun,
                        (step, definition, run) -> step == 0 ? (s, p) -> {} : (s, p) -> answers.incrementAndGet(),
                        () -> answers.get() >= 3);

        assertThat(stopped.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(asked)
                .as("stopped before the questions were all written")
                .filteredOn("Q"::equals)
                .hasSizeLessThan(QUESTIONS);

        PipelineRunner.Outcome resumed =
                runner().execute(pipelineRun, (step, definition, run) -> (s, p) -> {}, () -> false);

        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertAnsweredOnce(resumed.stepRuns());
        assertThat(asked).filteredOn("Q"::equals).as("no question asked twice").hasSize(QUESTIONS);
        assertThat(asked).filteredOn("A"::equals).as("no answer asked twice").hasSize(QUESTIONS);
    }

    @Test
    void aStreamingStepThatTakesTheAcceptedSamplesIsRefused() {
        assertThatThrownBy(() -> PipelineFile.parse(
                        """
                {"name": "qa", "steps": [
                  {"name": "question", "prompt": "question-writer", "input": "none"},
                  {"name": "answer", "prompt": "answerer", "input": "step:question", "select": "accepted",
                   "stream": true}]}
                """,
                        "odd.pipeline.json"))
                .isInstanceOf(PipelineFileException.class)
                .hasMessageContaining("steps[1].stream: a streaming step takes every valid sample");
    }

    private void assertAnsweredOnce(List<RunInfo> stepRuns) {
        assertThat(stepRuns).hasSize(2);
        List<Sample> questions = project.samples().list(stepRuns.get(0).id(), 0, 100);
        List<Sample> answers = project.samples().list(stepRuns.get(1).id(), 0, 100);
        assertThat(questions).hasSize(QUESTIONS);
        assertThat(answers)
                .hasSize(QUESTIONS)
                .extracting(a -> a.slot().parentSampleId())
                .containsExactlyInAnyOrderElementsOf(
                        questions.stream().map(Sample::id).toList());
        assertThat(answers).allSatisfy(a -> assertThat(a.text()).startsWith("A to Q"));
    }
}
