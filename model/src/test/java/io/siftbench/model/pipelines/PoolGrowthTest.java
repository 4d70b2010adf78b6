package io.siftbench.model.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts of a bootstrap pool on small exact inputs. */
class PoolGrowthTest {

    private static final Bootstrap FOUR_A_ROUND = new Bootstrap("dataset:text", null, 5, 4, null, null, 0.5, null);

    @Test
    void aCandidateIsComparedWithTheSeedsAndWithTheCandidatesAcceptedBeforeItInItsRound() {
        PoolGrowth growth = new PoolGrowth(FOUR_A_ROUND, List.of("open a savings account online"));

        PoolGrowth.Round round = growth.add(
                run(4),
                List.of(
                        // Arrival order is not the plan's: the verdicts follow the plan (ordinals).
                        sample(3, "close my credit card"),
                        sample(0, "open a savings account online today"),
                        sample(1, "report a stolen phone"),
                        sample(2, "report a stolen phone please")));

        assertThat(round.candidates())
                .extracting(c -> c.sample().slot().ordinal(), PoolGrowth.Candidate::verdict)
                .containsExactly(
                        tuple(0, PoolGrowth.Verdict.TOO_SIMILAR),
                        tuple(1, PoolGrowth.Verdict.ADDED),
                        tuple(2, PoolGrowth.Verdict.TOO_SIMILAR),
                        tuple(3, PoolGrowth.Verdict.ADDED));
        // 5 of 6 tokens in common with the seed: P 5/6, R 1, F 10/11.
        assertThat(round.candidates().get(0).reason()).isEqualTo("too similar to pool (ROUGE-L 0.91)");
        assertThat(round.candidates().get(2).closestTo()).isEqualTo("report a stolen phone");
        assertThat(growth.pool())
                .containsExactly("open a savings account online", "report a stolen phone", "close my credit card");
        assertThat(growth.accepted()).isEqualTo(2);
        assertThat(growth.nextRoundSize())
                .as("2 of 4 is the minimum share; 3 still wanted")
                .isEqualTo(3);
    }

    @Test
    void theRoundsStopAtTheTargetOrAfterARoundBelowTheShare() {
        PoolGrowth growth = new PoolGrowth(FOUR_A_ROUND, List.of("seed one"));
        growth.add(run(4), List.of(sample(0, "alpha"), sample(1, "beta"), sample(2, "gamma"), sample(3, "delta")));
        assertThat(growth.nextRoundSize()).isEqualTo(1);
        growth.add(run(1), List.of(sample(0, "epsilon")));
        assertThat(growth.accepted()).isEqualTo(5);
        assertThat(growth.nextRoundSize()).as("the target is reached").isZero();

        PoolGrowth poor = new PoolGrowth(FOUR_A_ROUND, List.of("seed one"));
        poor.add(run(4), List.of(sample(0, "alpha"), sample(1, "seed one"), sample(2, "seed one"), sample(3, "x")));
        assertThat(poor.nextRoundSize()).as("2 of 4 added: not below half").isEqualTo(3);
        poor.add(run(3), List.of(sample(0, "alpha"), sample(1, "seed one"), sample(2, "omega")));
        assertThat(poor.nextRoundSize()).as("1 of 3 added: below half").isZero();
    }

    @Test
    void anInvalidCandidateIsLeftOutOfThePool() {
        PoolGrowth growth = new PoolGrowth(FOUR_A_ROUND, List.of("seed one"));
        Sample invalid = sample(0, "nonsense", false);

        PoolGrowth.Round round = growth.add(run(1), List.of(invalid));

        assertThat(round.count(PoolGrowth.Verdict.INVALID)).isEqualTo(1);
        assertThat(growth.pool()).containsExactly("seed one");
    }

    private static RunInfo run(int target) {
        RunConfig config = new RunConfig(
                1,
                PromptMode.SYNTHESIZE,
                BackendRef.of(BackendKind.OPENAI, "http://x", "m"),
                "{}",
                null,
                7,
                1,
                target,
                1,
                "{}");
        return new RunInfo(1, "p", 1, config, RunStatus.COMPLETED, target, 0, Instant.EPOCH, Instant.EPOCH, 1L);
    }

    private long made;

    private Sample sample(int ordinal, String text) {
        return sample(ordinal, text, true);
    }

    private Sample sample(int ordinal, String text, boolean valid) {
        return new Sample(
                ++made,
                1,
                slot(ordinal),
                "m",
                "{}",
                1L,
                text,
                null,
                null,
                null,
                text,
                "{}",
                valid,
                valid ? null : "not JSON",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                Instant.EPOCH);
    }

    private static Slot slot(int ordinal) {
        return new Slot("sample=" + ordinal, ordinal, null, Map.of(), List.of(), List.of());
    }
}
