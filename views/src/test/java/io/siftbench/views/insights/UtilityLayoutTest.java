package io.siftbench.views.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.student.Estimate;
import io.siftbench.model.student.LabelledText;
import io.siftbench.model.student.PairedComparison;
import io.siftbench.model.student.Predictions;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.Reliability;
import io.siftbench.model.student.RunUtility;
import io.siftbench.model.student.SampleFields;
import io.siftbench.model.student.StudentEvaluation;
import io.siftbench.model.student.TrainingSamples;
import io.siftbench.model.student.UtilityQuestion;
import io.siftbench.model.student.UtilityReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Utility section writes of an evaluation: the figures, the paired test, the tables that copy. */
class UtilityLayoutTest {

    private static final UtilityQuestion QUESTION =
            new UtilityQuestion(TrainingSamples.KEPT, SampleFields.DEFAULT, "banking-test", null, null, null, 8);

    /** Eight test items, two labels of four; the student answers {@code predicted}. */
    private static Predictions answering(String... predicted) {
        List<LabelledText> test = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            test.add(new LabelledText(i, "question " + i, i < 4 ? "card_arrival" : "card_linking"));
        }
        return new Predictions(test, List.of(predicted), List.of(0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8));
    }

    private static RunUtility.Answer answer(long run, Predictions predictions) {
        StudentEvaluation student = StudentEvaluation.of(predictions, 40, 42);
        UtilityReport report = new UtilityReport(
                student,
                null,
                0,
                false,
                null,
                List.of(new UtilityReport.CurvePoint(1, 40, student.accuracy(), student.macroF1())),
                Reliability.of(predictions),
                null);
        return new RunUtility.Answer(run, QUESTION, report, false);
    }

    @Test
    void twoRunsShowTheirFiguresThePairedTestAndEachLabelsChangeWeakestFirst() {
        String l = "card_linking";
        String a = "card_arrival";
        // A takes three of card_arrival's four for card_linking; B only one.
        Predictions first = answering(a, l, l, l, l, l, l, l);
        Predictions second = answering(a, a, a, l, l, l, l, l);
        StudentEvaluation evalA = StudentEvaluation.of(first, 40, 42);
        StudentEvaluation evalB = StudentEvaluation.of(second, 40, 42);
        UtilityLayout layout = new UtilityLayout(new UtilityViewModel.Evaluated(
                List.of(MeasuredRuns.run(1, 40), MeasuredRuns.run(2, 40)),
                List.of(answer(1, first), answer(2, second)),
                new ProjectStudent.Comparison(evalA, evalB, PairedComparison.of(first, second, 42))));

        assertThat(layout.figures(0))
                .startsWith(
                        "accuracy 0.625 " + evalA.accuracy().toString().substring(6) + " · macro-F1 " + evalA.macroF1())
                .contains(
                        "trained on 40 accepted and edited samples, tested on 8 items of banking-test",
                        "no ceiling: choose a gold training set for it");
        assertThat(layout.comparison())
                .startsWith("#2 intent v2 better than #1 intent v2: +0.250 [")
                .contains("2 items only #2 intent v2 got right, 0 only #1 intent v2")
                .endsWith("on the same 8 test items");
        UtilityLayout.Table labels = layout.labels();
        assertThat(labels.headings()).containsExactly("label", "F1 #1 intent v2", "F1 #2 intent v2", "change");
        assertThat(labels.rows().get(0).cells()).containsExactly(a, "0.400", "0.857", "+0.457");
        assertThat(labels.tsv().lines().toList())
                .containsExactly(
                        "label\tF1 #1 intent v2\tF1 #2 intent v2\tchange",
                        "card_arrival\t0.400\t0.857\t+0.457",
                        "card_linking\t0.727\t0.889\t+0.162");
    }

    @Test
    void thePairedTestSaysWhichIsBetterByHowMuchAndWhetherItCounts() {
        assertThat(UtilityLayout.paired(
                        new PairedComparison(200, 0.70, 0.76, new Estimate(0.06, 0.02, 0.10), 3, 15, 0.003), "B", "A"))
                .isEqualTo("B better than A: +0.060 [+0.020, +0.100], p = 0.003 · 15 items only B got right, 3 only A");
        assertThat(UtilityLayout.paired(
                        new PairedComparison(200, 0.70, 0.68, new Estimate(-0.02, -0.06, 0.02), 8, 4, 0.39), "B", "A"))
                .isEqualTo("B worse than A: -0.020 [-0.060, +0.020], p = 0.390 (not significant) · 4 items only B got"
                        + " right, 8 only A");
    }
}
