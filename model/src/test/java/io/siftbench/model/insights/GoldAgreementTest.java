package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldAgreementTest {

    private static void addPairs(List<String> gold, List<String> predicted, String g, String p, int times) {
        gold.addAll(Collections.nCopies(times, g));
        predicted.addAll(Collections.nCopies(times, p));
    }

    /*
     * The 2×2 table (gold rows, predicted columns) of 50 items:
     *            yes  no
     *   yes       20   5
     *   no        10  15
     * p_o = (20 + 15) / 50 = 0.7; p_e = (25/50)(30/50) + (25/50)(20/50) = 0.3 + 0.2 = 0.5
     * κ = (0.7 − 0.5) / (1 − 0.5) = 0.4
     */
    @Test
    void cohensKappaOnATwoByTwoTable() {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        addPairs(gold, predicted, "yes", "yes", 20);
        addPairs(gold, predicted, "yes", "no", 5);
        addPairs(gold, predicted, "no", "yes", 10);
        addPairs(gold, predicted, "no", "no", 15);

        GoldAgreement agreement = GoldAgreement.of(gold, predicted);

        assertThat(agreement.accuracy()).isCloseTo(0.7, within(1e-12));
        assertThat(agreement.cohensKappa()).isCloseTo(0.4, within(1e-12));
        assertThat(agreement.confusion().count("yes", "no")).isEqualTo(5);
        assertThat(agreement.confusion().count("no", "yes")).isEqualTo(10);
    }

    /*
     * gold:      a a a b b c
     * predicted: a a b b c c
     * a: tp 2, fp 0, fn 1 -> P = 1,   R = 2/3, F1 = 2·(2/3)/(5/3) = 0.8
     * b: tp 1, fp 1, fn 1 -> P = 1/2, R = 1/2, F1 = 0.5
     * c: tp 1, fp 1, fn 0 -> P = 1/2, R = 1,   F1 = 2·(1/2)/(3/2) = 2/3
     * macro-F1 = (0.8 + 0.5 + 2/3) / 3 = 0.655556; accuracy = 4/6
     */
    @Test
    void macroF1IsTheMeanOfPerLabelF1() {
        GoldAgreement agreement =
                GoldAgreement.of(List.of("a", "a", "a", "b", "b", "c"), List.of("a", "a", "b", "b", "c", "c"));

        assertThat(agreement.macroF1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
        assertThat(agreement.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(agreement.labelScores()).extracting(LabelScore::label).containsExactly("a", "b", "c");
        LabelScore a = agreement.labelScores().get(0);
        assertThat(a.precision()).isEqualTo(1.0);
        assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.support()).isEqualTo(3);
    }

    @Test
    void samplesWithoutGoldAreLeftOutAndAMissingPredictionCountsAsWrong() {
        List<SampleText> samples = List.of(
                SampleText.of(1, "x").withLabel("a").withGoldLabel("a"),
                SampleText.of(2, "y").withGoldLabel("a"),
                SampleText.of(3, "z").withLabel("b"));

        GoldAgreement agreement = GoldAgreement.of(samples);

        assertThat(agreement.pairs()).isEqualTo(2);
        assertThat(agreement.accuracy()).isEqualTo(0.5);
        assertThat(agreement.confusion().count("a", GoldAgreement.NO_LABEL)).isEqualTo(1);
    }

    @Test
    void kappaIsUndefinedWhenBothSidesUseOneLabelThroughout() {
        GoldAgreement agreement = GoldAgreement.of(List.of("a", "a"), List.of("a", "a"));

        assertThat(agreement.accuracy()).isEqualTo(1.0);
        assertThat(agreement.cohensKappa()).isNull();
    }

    /*
     * gold a ×5: predicted a, b, b, b, c;  gold b ×2: predicted a, a;  gold c ×1: predicted c.
     * Off the diagonal: a→b 3 (3/5), b→a 2 (2/2), a→c 1 (1/5).
     */
    @Test
    void theMostConfusedPairsComeLargestFirstWithTheShareOfTheGoldLabelsItems() {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        addPairs(gold, predicted, "a", "a", 1);
        addPairs(gold, predicted, "a", "b", 3);
        addPairs(gold, predicted, "a", "c", 1);
        addPairs(gold, predicted, "b", "a", 2);
        addPairs(gold, predicted, "c", "c", 1);

        ConfusionMatrix matrix = GoldAgreement.of(gold, predicted).confusion();

        assertThat(matrix.mostConfused(10))
                .containsExactly(
                        new ConfusedPair("a", "b", 3, 0.6),
                        new ConfusedPair("b", "a", 2, 1.0),
                        new ConfusedPair("a", "c", 1, 0.2));
        assertThat(matrix.mostConfused(1)).extracting(ConfusedPair::predicted).containsExactly("b");
    }
}
