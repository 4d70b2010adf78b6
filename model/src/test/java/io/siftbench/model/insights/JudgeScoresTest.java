package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siftbench.model.prompts.JudgeScale;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeScoresTest {

    private static SampleText judged(long id, Double score) {
        return SampleText.of(id, "sample " + id).withJudgement(score, score == null ? null : "because");
    }

    @Test
    void aOneToFiveJudgeHasItsMeanItsShareAtThePassMarkAndABarPerScore() {
        // Scores 1, 2, 3, 3, 5 and one sample not judged: mean 14 / 5 = 2.8; the pass mark of 1–5 is 3, reached by
        // 3, 3 and 5: 3 of 5 = 0.6.
        List<SampleText> samples = List.of(
                judged(1, 1.0), judged(2, 2.0), judged(3, 3.0), judged(4, null), judged(5, 3.0), judged(6, 5.0));

        JudgeScores scores = JudgeScores.of(List.of(9L), JudgeScale.DEFAULT, samples);

        assertThat(scores.samples()).isEqualTo(6);
        assertThat(scores.judged()).isEqualTo(5);
        assertThat(scores.mean()).isCloseTo(2.8, within(1e-12));
        assertThat(scores.passMark()).isEqualTo(3.0);
        assertThat(scores.passing()).isEqualTo(3);
        assertThat(scores.passingShare()).isCloseTo(0.6, within(1e-12));
        assertThat(scores.bars())
                .containsExactly(
                        new ScoreCount("1", 1),
                        new ScoreCount("2", 1),
                        new ScoreCount("3", 2),
                        new ScoreCount("4", 0),
                        new ScoreCount("5", 1));
        assertThat(scores.judgeRuns()).containsExactly(9L);
    }

    @Test
    void aFractionalScoreGoesToTheNearestWholeScoreHalfUp() {
        List<SampleText> samples = List.of(judged(1, 2.4), judged(2, 2.5), judged(3, 4.9));

        JudgeScores scores = JudgeScores.of(List.of(9L), JudgeScale.DEFAULT, samples);

        assertThat(scores.bars()).extracting(ScoreCount::count).containsExactly(0L, 1L, 1L, 0L, 1L);
        // 2.4 and 2.5 are below the pass mark 3, 4.9 is not.
        assertThat(scores.passing()).isEqualTo(1);
    }

    @Test
    void aPassFailJudgeCountsPassesAndFails() {
        JudgeScale passFail = new JudgeScale(JudgeScale.Kind.PASS_FAIL, null, null);
        List<SampleText> samples = List.of(judged(1, 1.0), judged(2, 0.0), judged(3, 1.0));

        JudgeScores scores = JudgeScores.of(List.of(4L), passFail, samples);

        assertThat(scores.bars()).containsExactly(new ScoreCount("fail", 1), new ScoreCount("pass", 2));
        assertThat(scores.mean()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(scores.passingShare()).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void aContinuousScaleHasTenBinsAndNoSampleJudgedHasNoMean() {
        JudgeScale zeroToOne = new JudgeScale(JudgeScale.Kind.SCORE, 0.0, 1.0);

        JudgeScores none = JudgeScores.of(List.of(4L), zeroToOne, List.of(judged(1, null)));
        JudgeScores some = JudgeScores.of(List.of(4L), zeroToOne, List.of(judged(1, 0.05), judged(2, 1.0)));

        assertThat(none.judged()).isZero();
        assertThat(none.mean()).isNull();
        assertThat(none.passingShare()).isNull();
        assertThat(some.bars()).hasSize(10);
        assertThat(some.bars().get(0)).isEqualTo(new ScoreCount("0.00–0.10", 1));
        assertThat(some.bars().get(9)).isEqualTo(new ScoreCount("0.90–1.00", 1));
        // The pass mark of 0–1 is 0.5: one of the two.
        assertThat(some.passing()).isEqualTo(1);
    }
}
