package io.siftbench.storage.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.curation.Judgements;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.JudgeScores;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.RunMetricsReport;
import io.siftbench.model.insights.ScoreCount;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.JudgedSamples;
import io.siftbench.model.runs.NewRun;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judge runs in a real project file: planned from their stored configuration alone (the same slots on every
 * resume, whatever the judged run did since), verdicts stored with the judge's samples, the newest judge run
 * read back for curation, and "reject all flagged by low judge score" as one undoable action.
 */
class JudgeRunStorageTest {

    private static final BackendRef BACKEND = new BackendRef("openai", "http://127.0.0.1:1/v1", "tiny");

    @TempDir
    Path dir;

    private Project project;
    private long judgedRun;
    private List<Sample> judged;
    private StoredVersion judgePrompt;
    private long annotator;

    @BeforeEach
    void fiveAnnotatedSamples() throws Exception {
        Path file = dir.resolve("judge.mv.db");
        annotator = RunFixture.promptVersion(file, "intent", PromptMode.ANNOTATE);
        RunFixture.promptVersion(file, "faithful", PromptMode.JUDGE);
        project = new H2ProjectOpener().open(file);
        judged = RunFixture.run(project, annotator, PromptMode.ANNOTATE, 5);
        judgedRun = judged.get(0).runId();
        judgePrompt = project.prompts().versions("faithful").get(0);
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void aJudgeRunPlansTheAnsweredSamplesUpToItsStartOnEveryResume() {
        project.samples().add(failed(judgedRun, "r6", 5));
        RunInfo toJudge = project.runs().find(judgedRun).orElseThrow();
        assertThat(toJudge.answered()).isEqualTo(5);
        assertThat(toJudge.lastAnswered()).isEqualTo(judged.get(4).id());

        RunInfo judge = judgeRunOf(toJudge);
        List<Slot> planned = plan(judge);

        assertThat(judge.config().mode()).isEqualTo(PromptMode.JUDGE);
        assertThat(judge.config().target()).isEqualTo(5);
        assertThat(judge.config().datasetId()).isNull();
        assertThat(RunDetails.fromJson(judge.config().details()).judgeOf()).isEqualTo(judgedRun);
        assertThat(planned)
                .extracting(Slot::key)
                .containsExactlyElementsOf(
                        judged.stream().map(s -> "judged=" + s.id()).toList());
        assertThat(planned)
                .extracting(Slot::judgedSampleId)
                .containsExactlyElementsOf(judged.stream().map(Sample::id).toList());

        // The judged run goes on: its failed request is answered on a resume, and so is a new one.
        project.samples().add(RunFixture.sample(judgedRun, PromptMode.ANNOTATE, 5));
        project.samples().add(RunFixture.sample(judgedRun, PromptMode.ANNOTATE, 6));
        assertThat(project.runs().find(judgedRun).orElseThrow().answered()).isEqualTo(7);

        assertThat(plan(project.runs().find(judge.id()).orElseThrow())).isEqualTo(planned);
    }

    @Test
    void aJudgeRunNeedsARunWithAnswersThatIsNoJudgeAndOneVote() {
        RunInfo toJudge = project.runs().find(judgedRun).orElseThrow();
        RunInfo judge = judgeRunOf(toJudge);
        long emptyRun = project.runs()
                .create(new RunConfig(annotator, PromptMode.ANNOTATE, BACKEND, "{}", null, 1, 1, 1, 1, "{}"));
        project.samples().add(failed(emptyRun, "r1", 0));

        assertThatThrownBy(() -> newJudge(judge, 1).toConfig())
                .hasMessage("Run " + judge.id() + " is a judge run itself: choose a run of annotated or synthesized"
                        + " samples to judge.");
        assertThatThrownBy(() ->
                        newJudge(project.runs().find(emptyRun).orElseThrow(), 1).toConfig())
                .hasMessage("Run " + emptyRun + " has no answered samples to judge.");
        assertThatThrownBy(() -> newJudge(toJudge, 3).toConfig())
                .hasMessage("A judge run asks once per sample: leave votes at 1, not 3.");
        assertThatThrownBy(() -> newJudge(null, 1).toConfig())
                .hasMessage("Prompt 'faithful' judges: choose the run whose samples it scores.");
    }

    /**
     * Two judge runs of the judged run: the older scores every sample 5, the newer scores the first four 1, 4, 2
     * and 5 and gives the fifth a reply that is no verdict (returned).
     */
    private Sample judgedTwice(RunInfo toJudge) {
        RunInfo older = judgeRunOf(toJudge);
        for (Slot slot : plan(older)) {
            project.samples().add(verdict(older.id(), slot, "{\"score\": 5, \"reason\": \"fine\"}", 5.0, "fine"));
        }
        RunInfo newer = judgeRunOf(toJudge);
        List<Slot> slots = plan(newer);
        double[] scores = {1, 4, 2, 5};
        for (int i = 0; i < scores.length; i++) {
            project.samples()
                    .add(verdict(
                            newer.id(),
                            slots.get(i),
                            "{\"score\": " + (int) scores[i] + ", \"reason\": \"reason " + i + "\"}",
                            scores[i],
                            "reason " + i));
        }
        return project.samples().add(verdict(newer.id(), slots.get(4), "I think it is fine", null, null));
    }

    @Test
    void theMetricsCarryTheNewestJudgeRunsScoresOfTheMeasuredSamples() {
        judgedTwice(project.runs().find(judgedRun).orElseThrow());
        long newer = project.runs().list().get(0).id();
        RunMetrics metrics =
                new RunMetrics(project.runSources(), project.metricSnapshots(), null, InsightsSettings.defaults());

        JudgeScores all = metrics.measure(judgedRun, StatusSelection.ALL, InsightsProgress.NONE)
                .judge();

        // The newer run's 1, 4, 2, 5 (the fifth sample has no verdict): mean 12 / 4 = 3; 4 and 5 reach the pass
        // mark 3 of the 1-5 scale: 2 of 4.
        assertThat(all.judgeRuns()).containsExactly(newer);
        assertThat(all.judged()).isEqualTo(4);
        assertThat(all.samples()).isEqualTo(5);
        assertThat(all.mean()).isEqualTo(3.0);
        assertThat(all.passingShare()).isEqualTo(0.5);
        assertThat(all.bars()).extracting(ScoreCount::count).containsExactly(1L, 1L, 0L, 1L, 1L);

        // Only the accepted samples: the one scored 4. A snapshot does not keep the scores: a second look has them.
        project.decisions().decide(Decision.of(judged.get(1).id(), DecisionStatus.ACCEPTED, null));
        metrics.measure(judgedRun, StatusSelection.ACCEPTED, InsightsProgress.NONE);
        RunMetricsReport accepted = metrics.measure(judgedRun, StatusSelection.ACCEPTED, InsightsProgress.NONE);
        assertThat(accepted.cached()).isTrue();
        assertThat(accepted.judge().judged()).isEqualTo(1);
        assertThat(accepted.judge().mean()).isEqualTo(4.0);

        long unjudged = RunFixture.run(project, annotator, PromptMode.ANNOTATE, 2)
                .get(0)
                .runId();
        assertThat(metrics.measure(unjudged, StatusSelection.ALL, InsightsProgress.NONE)
                        .judge())
                .isNull();
    }

    @Test
    void theNewestJudgeRunsVerdictsAreReadBackAndLowScoresFlagged() {
        RunInfo toJudge = project.runs().find(judgedRun).orElseThrow();
        Sample invalid = judgedTwice(toJudge);
        RunInfo newer = project.runs().list().get(0);

        Sample stored = project.samples().list(newer.id(), 0, 10).get(0);
        assertThat(stored.slot().judgedSampleId()).isEqualTo(judged.get(0).id());
        assertThat(stored.confidence()).isEqualTo(1.0);
        assertThat(stored.rationale()).isEqualTo("reason 0");
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.rawOutput()).isEqualTo("I think it is fine");

        Judgements judgements = project.samples().judgements(judgedRun);
        assertThat(judgements.judgeRunId()).isEqualTo(newer.id());
        assertThat(judgements.verdicts())
                .hasSize(4)
                .containsEntry(judged.get(0).id(), new JudgeVerdict(1, "reason 0"))
                .containsEntry(judged.get(2).id(), new JudgeVerdict(2, "reason 2"))
                .doesNotContainKey(judged.get(4).id());
        assertThat(project.samples().judgements(newer.id())).isEqualTo(Judgements.NONE);

        // Without a threshold, the pass mark of the judge's 1-5 scale (3) counts.
        RunCuration byPassMark =
                new RunCuration(project.runSources(), project.decisions(), CurationSettings.defaults());
        assertThat(byPassMark.report(judgedRun).flaggedBy(FlagKind.LOW_JUDGE_SCORE))
                .containsExactly(judged.get(0).id(), judged.get(2).id());
        assertThat(byPassMark.report(judgedRun).flagsOf(judged.get(0).id()))
                .anyMatch(f -> f.reason().equals("judge score 1 below 3: reason 0"));
        assertThat(new RunCuration(
                                project.runSources(),
                                project.decisions(),
                                CurationSettings.defaults().withMinJudgeScore(5.0))
                        .report(judgedRun)
                        .flaggedBy(FlagKind.LOW_JUDGE_SCORE))
                .containsExactly(
                        judged.get(0).id(), judged.get(1).id(), judged.get(2).id());

        project.decisions().decide(Decision.of(judged.get(3).id(), DecisionStatus.ACCEPTED, null));
        assertThat(byPassMark.rejectAllFlaggedBy(judgedRun, FlagKind.LOW_JUDGE_SCORE))
                .get()
                .satisfies(action -> assertThat(action.decisions()).hasSize(2));
        assertThat(project.decisions().current(judged.get(2).id())).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DecisionStatus.REJECTED);
            assertThat(d.note()).isEqualTo("low judge score: judge score 2 below 3: reason 2");
        });
        project.decisions().undo();
        assertThat(project.decisions().current(judged.get(0).id())).isEmpty();
        assertThat(project.decisions().current(judged.get(2).id())).isEmpty();
        assertThat(project.decisions().current(judged.get(3).id()))
                .get()
                .extracting(Decision::status)
                .isEqualTo(DecisionStatus.ACCEPTED);
    }

    private NewRun newJudge(RunInfo toJudge, int votes) {
        return new NewRun(
                judgePrompt,
                BACKEND,
                RunDetails.of(null, GenerationParameters.DEFAULT),
                null,
                null,
                7,
                2,
                votes,
                toJudge);
    }

    private RunInfo judgeRunOf(RunInfo toJudge) {
        long id = project.runs().create(newJudge(toJudge, 1).toConfig());
        return project.runs().find(id).orElseThrow();
    }

    private List<Slot> plan(RunInfo judge) {
        return new RunPlanner(project.prompts().load(judge.config().promptVersionId()))
                .judge(
                        new JudgedSamples(project.runs(), project.samples(), project.datasets()).of(judge),
                        RunPlanner.DemonstrationSource.NONE);
    }

    /** A judge's answer to {@code slot}: a verdict, or (score null) a reply that is none. */
    private static Sample verdict(long judgeRun, Slot slot, String raw, Double score, String reason) {
        return new Sample(
                0,
                judgeRun,
                slot,
                "tiny",
                "{}",
                1L,
                raw,
                null,
                reason,
                score,
                null,
                score == null ? null : raw,
                score != null,
                score == null ? "no JSON object in the output" : null,
                List.of(),
                20,
                5,
                30L,
                "stop",
                null,
                null);
    }

    private static Sample failed(long run, String key, int ordinal) {
        Sample s = RunFixture.sample(run, PromptMode.ANNOTATE, ordinal);
        return Sample.failure(
                run,
                new Slot(
                        key,
                        ordinal,
                        s.slot().recordId(),
                        s.conditions(),
                        List.of(),
                        s.slot().messages()),
                "tiny",
                "{}",
                1L,
                "connection refused");
    }
}
