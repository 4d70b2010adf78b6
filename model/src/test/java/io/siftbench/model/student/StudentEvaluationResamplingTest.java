package io.siftbench.model.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap behind a student's intervals on a small test set, where most resamples leave a rare label out.
 */
class StudentEvaluationResamplingTest {

    @Test
    void aConfusedPairOfARareLabelGetsAnIntervalThoughResamplesLeaveTheLabelOut() {
        // 40 items of "a", all right; one item of "rare", taken for "a": the only confused pair.
        List<LabelledText> test = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            test.add(new LabelledText(i, "text " + i, "a"));
            predicted.add("a");
        }
        test.add(new LabelledText(40, "odd one", "rare"));
        predicted.add("a");
        Predictions predictions = new Predictions(
                test, predicted, predicted.stream().map(p -> 0.9).toList());

        StudentEvaluation evaluation = StudentEvaluation.of(predictions, 100, 42);

        assertThat(evaluation.mostConfused()).hasSize(1);
        StudentEvaluation.PairCount pair = evaluation.mostConfused().get(0);
        assertThat(pair.gold()).isEqualTo("rare");
        assertThat(pair.count()).isEqualTo(1);
        // About a third of the resamples hold no "rare" item: those count 0, the rest 1 or more.
        assertThat(pair.interval().low()).isZero();
        assertThat(pair.interval().high()).isGreaterThanOrEqualTo(1);
    }
}
