package io.siftbench.model.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudentEvaluationTest {

    /** {@code n} items of labels a, b, c in turn; every fifth is answered with the next label (80% right). */
    private static Predictions fourInFiveRight(int n) {
        List<String> labels = List.of("a", "b", "c");
        List<LabelledText> test = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String gold = labels.get(i % 3);
            test.add(new LabelledText(i, "t" + i, gold));
            predicted.add(i % 5 == 4 ? labels.get((i + 1) % 3) : gold);
        }
        return new Predictions(test, predicted, Collections.nCopies(n, 0.8));
    }

    @Test
    void intervalsHoldThePointValueAndNarrowWithMoreItems() {
        StudentEvaluation few = StudentEvaluation.of(fourInFiveRight(50), 10, 42);
        StudentEvaluation many = StudentEvaluation.of(fourInFiveRight(2000), 10, 42);

        for (StudentEvaluation evaluation : List.of(few, many)) {
            assertThat(evaluation.accuracy().value()).isEqualTo(0.8);
            assertHolds(evaluation.accuracy());
            assertHolds(evaluation.macroF1());
            evaluation.labels().forEach(l -> assertHolds(l.f1()));
            evaluation.mostConfused().forEach(p -> assertHolds(p.interval()));
        }
        double fewWidth = few.accuracy().high() - few.accuracy().low();
        double manyWidth = many.accuracy().high() - many.accuracy().low();
        // The width shrinks as 1/√n: 40 times the items, about a sixth of the width.
        assertThat(manyWidth).isLessThan(fewWidth / 4).isGreaterThan(0);
        assertThat(few.items()).isEqualTo(50);
        assertThat(few.trainedOn()).isEqualTo(10);
        assertThat(many.mostConfused()).hasSize(3);
        assertThat(many.mostConfused().get(0).count()).isEqualTo(134);
    }

    @Test
    void aConfusedPairWhoseLabelIsMissingFromAResampleCountsNoneThere() {
        // One "rare" item, called "a": a third of the resamples of 20 items leave it out, which failed with an index
        // of -1 before such a resample counted the pair as none.
        List<LabelledText> test = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            test.add(new LabelledText(i, "t" + i, i % 2 == 0 ? "a" : "b"));
            predicted.add(i % 2 == 0 ? "a" : "b");
        }
        test.add(new LabelledText(19, "t19", "rare"));
        predicted.add("a");

        StudentEvaluation evaluation =
                StudentEvaluation.of(new Predictions(test, predicted, Collections.nCopies(20, 0.9)), 5, 1);

        assertThat(evaluation.mostConfused()).hasSize(1);
        StudentEvaluation.PairCount pair = evaluation.mostConfused().get(0);
        assertThat(pair.gold()).isEqualTo("rare");
        assertThat(pair.count()).isEqualTo(1);
        assertThat(pair.interval().low()).isZero();
        assertThat(pair.interval().high()).isGreaterThanOrEqualTo(1);
        assertThat(evaluation.label("rare").orElseThrow().f1().value()).isZero();
    }

    private static void assertHolds(Estimate estimate) {
        assertThat(estimate.low()).isLessThanOrEqualTo(estimate.value());
        assertThat(estimate.high()).isGreaterThanOrEqualTo(estimate.value());
    }
}
