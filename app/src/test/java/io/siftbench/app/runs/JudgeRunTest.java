package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.NewRun;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.project.RunListSources;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.review.ReviewSources;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.runs.NewRunSources;
import io.siftbench.views.runs.NewRunViewModel;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LLM-as-judge end to end: a five-question annotate run, then a judge run of it through the same run machinery,
 * against a loopback server speaking the OpenAI protocol to the real langchain4j client, whose judge answers
 * depend on the judged text. The verdicts land in the project file, Review flags exactly the low scores, and a
 * cancelled judge run resumes without judging any sample twice.
 */
class JudgeRunTest {

    /** What the judge answers for each question: four scores (one in a code fence) and one reply that is none. */
    private static final Map<String, String> VERDICTS = Map.of(
            "alpha", "{\"score\": 1, \"reason\": \"alpha is no card question\"}",
            "bravo", "```json\n{\"score\": 5, \"reason\": \"right\"}\n```",
            "charlie", "{\"score\": 2, \"reason\": \"too vague\"}",
            "delta", "{\"score\": 4, \"reason\": \"close enough\"}",
            "echo", "I would rather not grade this one.");

    private BackendSettings user;

    @RegisterExtension
    final LoopbackProject fixture = new LoopbackProject(() -> user);

    private Project project;
    private LoopbackServer server;
    private final Map<String, AtomicInteger> judgedTimes = new ConcurrentHashMap<>();
    private RunInfo annotated;
    private StoredVersion judge;

    @BeforeEach
    void annotateFiveQuestions() throws Exception {
        project = fixture.project();
        server = fixture.server();
        user = fixture.loopbackBackends();
        server.always(LoopbackServer.answering(request -> {
            String user = LoopbackServer.lastUserMessage(request);
            if (!user.startsWith("Grade: ")) {
                return "{\"label\": \"card_arrival\"}";
            }
            String question = user.substring("Grade: ".length(), user.indexOf(" labelled "));
            judgedTimes.computeIfAbsent(question, q -> new AtomicInteger()).incrementAndGet();
            return VERDICTS.get(question);
        }));
        annotated = fixture.fiveQuestionRun();
        assertThat(fixture.launcher().execute(annotated.id(), (s, p) -> {}, () -> false))
                .isEqualTo(RunStatus.COMPLETED);
        annotated = project.runs().find(annotated.id()).orElseThrow();
        judge = project.prompts()
                .save(PromptFile.parse(
                        """
                {"name": "faithful", "mode": "judge",
                 "task": {"role": "You grade intent labels."},
                 "template": {"system": "{{task.role}}",
                              "user": "Grade: {{sample.text}} labelled {{sample.label}} (record {{record.text}})"},
                 "scale": {"min": 1, "max": 5}}
                """,
                        "faithful.json"));
    }

    @Test
    void aJudgeRunFromTheNewRunFormScoresEverySampleAndReviewFlagsExactlyTheLowOnes() {
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
        RunsViewModel runs = new RunsViewModel(
                open.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())),
                tasks,
                new RunStarter(open.map(p -> fixture.launcher()), tasks));
        NewRunViewModel form = new NewRunViewModel(
                runs, open.map(p -> new NewRunSources(p.prompts(), p.datasets(), p.runs())), tasks, () -> user);
        ReviewViewModel review = new ReviewViewModel(
                open.map(p -> new ReviewSources(p.runSources(), p.decisions())),
                tasks,
                () -> new SampleEmbedder(EmbeddingModels.miniLm()));
        review.follow(runs.live());
        assertThat(review.runProperty().get().id()).isEqualTo(annotated.id());
        assertThat(review.flagKinds()).isEmpty();

        form.open();
        form.versionProperty().set(judge);
        assertThat(form.judgesBinding().get()).isTrue();
        assertThat(form.annotatesBinding().get()).isFalse();
        assertThat(form.judgeableRuns()).extracting(RunInfo::id).containsExactly(annotated.id());
        assertThat(form.judgedProperty().get().id()).isEqualTo(annotated.id());
        assertThat(form.start()).as(form.problemProperty().get()).isTrue();

        RunInfo judgeRun = project.runs().list().get(0);
        assertThat(judgeRun.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(judgeRun.config().target()).isEqualTo(5);
        assertThat(RunDetails.fromJson(judgeRun.config().details()).judgeOf()).isEqualTo(annotated.id());
        Map<String, Sample> byQuestion = byQuestion(judgeRun);
        assertThat(byQuestion).hasSize(5);
        assertThat(byQuestion.get("alpha").confidence()).isEqualTo(1.0);
        assertThat(byQuestion.get("alpha").rationale()).isEqualTo("alpha is no card question");
        assertThat(byQuestion.get("bravo").confidence()).isEqualTo(5.0);
        assertThat(byQuestion.get("charlie").confidence()).isEqualTo(2.0);
        assertThat(byQuestion.get("delta").confidence()).isEqualTo(4.0);
        assertThat(byQuestion.get("echo").valid()).isFalse();
        assertThat(byQuestion.get("echo").confidence()).isNull();
        assertThat(byQuestion.get("echo").rawOutput()).isEqualTo(VERDICTS.get("echo"));
        assertThat(byQuestion.get("alpha").slot().messages().get(1).content())
                .isEqualTo("Grade: alpha labelled card_arrival (record alpha)");
        JsonNode schema = server.bodies()
                .get(server.bodies().size() - 1)
                .path("response_format")
                .path("json_schema")
                .path("schema");
        assertThat(schema.at("/properties/score/maximum").asDouble()).isEqualTo(5.0);
        assertThat(schema.at("/required").toString()).isEqualTo("[\"score\",\"reason\"]");

        // Review, left on the annotated run, picked up the verdicts while the judge run went on.
        assertThat(review.runProperty().get().id()).isEqualTo(annotated.id());
        Map<Long, String> questions = questionsOf(annotated);
        // The judge's 1-5 scale passes at 3: alpha (1) and charlie (2) are flagged, echo was not judged.
        assertThat(flaggedQuestions(review, questions)).containsExactlyInAnyOrder("alpha", "charlie");
        assertThat(review.flagKinds()).contains(FlagKind.LOW_JUDGE_SCORE);
        assertThat(questions.get(review.currentProperty().get().sampleId())).isEqualTo("alpha");
        assertThat(review.judgementProperty().get()).isEqualTo(new JudgeVerdict(1, "alpha is no card question"));

        review.minJudgeScore("4.5");
        assertThat(flaggedQuestions(review, questions)).containsExactlyInAnyOrder("alpha", "charlie", "delta");
        review.minJudgeScore("high");
        assertThat(review.messageProperty().get()).isEqualTo("Min judge score: 'high' is not a number; it stays 4.5.");
        assertThat(flaggedQuestions(review, questions)).containsExactlyInAnyOrder("alpha", "charlie", "delta");

        review.rejectAllFlaggedBy(FlagKind.LOW_JUDGE_SCORE);
        assertThat(project.decisions().currentOfRun(annotated.id()).entrySet())
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.getValue().status()).isEqualTo(DecisionStatus.REJECTED))
                .extracting(e -> questions.get(e.getKey()))
                .containsExactlyInAnyOrder("alpha", "charlie", "delta");
        review.undo();
        assertThat(project.decisions().currentOfRun(annotated.id())).isEmpty();
    }

    @Test
    void aCancelledJudgeRunResumesWithoutJudgingASampleTwice() throws Exception {
        RunLauncher launcher = fixture.launcher();
        RunInfo judgeRun = launcher.create(new NewRun(
                        judge,
                        fixture.backend(),
                        RunDetails.of(null, GenerationParameters.DEFAULT),
                        null,
                        null,
                        3,
                        2,
                        1,
                        annotated)
                .toConfig());
        AtomicInteger stored = new AtomicInteger();

        RunStatus first = launcher.execute(judgeRun.id(), (s, p) -> stored.incrementAndGet(), () -> stored.get() >= 2);
        long afterCancel = project.samples().count(judgeRun.id());
        RunStatus resumed = launcher.execute(judgeRun.id(), (s, p) -> {}, () -> false);

        assertThat(first).isEqualTo(RunStatus.CANCELLED);
        assertThat(afterCancel).isBetween(2L, 4L);
        assertThat(resumed).isEqualTo(RunStatus.COMPLETED);
        assertThat(project.samples().list(judgeRun.id(), 0, 100))
                .hasSize(5)
                .extracting(s -> s.slot().judgedSampleId())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(questionsOf(annotated).keySet());
        assertThat(judgedTimes)
                .containsOnlyKeys(VERDICTS.keySet())
                .allSatisfy((question, times) ->
                        assertThat(times.get()).as(question).isEqualTo(1));
        assertThat(project.samples().judgements(annotated.id()).verdicts()).hasSize(4);
    }

    /** The questions whose samples Review flags with a low judge score. */
    private static List<String> flaggedQuestions(ReviewViewModel review, Map<Long, String> questions) {
        return review.items().stream()
                .filter(item -> item.flags().stream().anyMatch(f -> f.startsWith("low judge score")))
                .map(ReviewItem::sampleId)
                .map(questions::get)
                .toList();
    }

    /** The question each sample of {@code run} annotated, by sample id. */
    private Map<Long, String> questionsOf(RunInfo run) {
        return project.samples().list(run.id(), 0, 100).stream()
                .collect(Collectors.toMap(Sample::id, s -> lastUserMessageOf(s).substring("Q: ".length())));
    }

    /** The judge's samples by the question they judged. */
    private Map<String, Sample> byQuestion(RunInfo judgeRun) {
        Map<Long, String> questions = questionsOf(annotated);
        return project.samples().list(judgeRun.id(), 0, 100).stream()
                .collect(Collectors.toMap(s -> questions.get(s.slot().judgedSampleId()), Function.identity()));
    }

    private static String lastUserMessageOf(Sample sample) {
        return sample.slot().messages().get(sample.slot().messages().size() - 1).content();
    }
}
