package io.siftbench.views.insights;

import static io.siftbench.views.insights.InsightsSection.CONFUSION;
import static io.siftbench.views.insights.InsightsSection.COVERAGE;
import static io.siftbench.views.insights.InsightsSection.DISTINCT_N;
import static io.siftbench.views.insights.InsightsSection.JUDGE;
import static io.siftbench.views.insights.InsightsSection.LABELS;
import static io.siftbench.views.insights.InsightsSection.LENGTHS;
import static io.siftbench.views.insights.InsightsSection.MAP;
import static io.siftbench.views.insights.InsightsSection.VALUES;
import static io.siftbench.views.insights.MeasuredRuns.measured;
import static io.siftbench.views.insights.MeasuredRuns.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.ValueCount;
import io.siftbench.views.insights.InsightsLayout.MetricCard;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Insights screen shows of measured runs: its title, cards and charts, decided without a toolkit. */
class InsightsLayoutTest {

    private static final List<SampleText> PLAIN =
            texts("the card is lost", "my card was stolen today", "where is my new card");

    private static List<SampleText> labelled() {
        return List.of(
                SampleText.of(1, "the card is lost").withLabel("lost_card").withGoldLabel("lost_card"),
                SampleText.of(2, "my card was stolen").withLabel("lost_card").withGoldLabel("stolen_card"),
                SampleText.of(3, "a new card please").withLabel("new_card").withGoldLabel("new_card"));
    }

    /** Three samples of a prompt with only its tone switched on: two angry, one calm. */
    private static List<SampleText> toned() {
        return List.of(
                SampleText.of(1, "so angry about my card").withConditions(Map.of("tone", "angry")),
                SampleText.of(2, "a calm question about a delay").withConditions(Map.of("tone", "calm")),
                SampleText.of(3, "angry again").withConditions(Map.of("tone", "angry")));
    }

    /** The same samples with a length too. */
    private static List<SampleText> tonedAndSized() {
        return toned().stream()
                .map(s -> s.withConditions(
                        Map.of("tone", s.conditions().get("tone"), "length", s.id() == 2 ? "long" : "short")))
                .toList();
    }

    @Test
    void aSampledRunSaysOnWhichSampleItsChartsWereMeasuredAndNotOfItsExactLabels() {
        InsightsLayout whole = new InsightsLayout(List.of(measured(1, labelled())));
        InsightsLayout sampled = new InsightsLayout(List.of(MeasuredRuns.sampled(measured(1, labelled()), 1_000_000)));

        assertThat(whole.sampledNote()).isEmpty();
        assertThat(whole.sectionTitle(LENGTHS)).isEqualTo(LENGTHS.title());
        int size = measured(1, labelled()).report().metrics().samples();
        assertThat(sampled.sectionTitle(LENGTHS))
                .isEqualTo("Length in words · on a seeded sample of " + size + " of 1,000,000 samples");
        assertThat(sampled.sectionTitle(LABELS)).as("counted on every sample").isEqualTo(LABELS.title());
        assertThat(sampled.pictureTitle(LENGTHS)).contains("on a seeded sample of " + size + " of 1,000,000");
        assertThat(sampled.sampledNote())
                .contains("distinct-n", "embedding map", "of 1,000,000 samples (seed 7)")
                .endsWith("the sample count and the labels count every sample");
    }

    @Test
    void aRunOfPlainTextsShowsOnlyItsNGramsAndLengths() {
        assertThat(new InsightsLayout(List.of(measured(1, PLAIN))).sections()).containsExactly(DISTINCT_N, LENGTHS);
    }

    @Test
    void aRunWithGoldLabelsShowsItsLabelsAndTheConfusionSection() {
        assertThat(new InsightsLayout(List.of(measured(1, labelled()))).sections())
                .containsExactly(DISTINCT_N, LENGTHS, LABELS, CONFUSION);
    }

    @Test
    void aSectionShowsWhenOnlyTheComparedRunHasSomethingForIt() {
        assertThat(new InsightsLayout(List.of(measured(1, PLAIN), measured(2, labelled()))).sections())
                .contains(LABELS, CONFUSION);
    }

    @Test
    void aRunWithEmbeddingsShowsTheMap() {
        List<SampleText> embedded = List.of(
                SampleText.of(1, "lost").withEmbedding(new float[] {1, 0, 0}),
                SampleText.of(2, "stolen").withEmbedding(new float[] {0, 1, 0}),
                SampleText.of(3, "new").withEmbedding(new float[] {0, 0, 1}));
        assertThat(new InsightsLayout(List.of(measured(1, embedded))).sections())
                .contains(MAP);
    }

    @Test
    void aJudgedRunShowsTheJudgeScores() {
        assertThat(new InsightsLayout(List.of(measured(1, PLAIN))).sections()).doesNotContain(JUDGE);
        assertThat(new InsightsLayout(List.of(MeasuredRuns.judged(measured(1, PLAIN)))).sections())
                .contains(JUDGE);
    }

    @Test
    void aSingleConditionShowsItsValueBarsAndNoCoverageGrid() {
        Map<String, List<String>> declared = Map.of("tone", List.of("angry", "calm", "sad"));
        MeasuredRun run = measured(1, toned(), declared, MetricSlice.RUN);
        assertThat(new InsightsLayout(List.of(run)).sections()).contains(VALUES).doesNotContain(COVERAGE);
    }

    @Test
    void twoConditionsWithSamplesShowTheirCoverageGrid() {
        Map<String, List<String>> declared = new LinkedHashMap<>();
        declared.put("tone", List.of("angry", "calm"));
        declared.put("length", List.of("short", "long"));
        MeasuredRun run = measured(1, tonedAndSized(), declared, MetricSlice.RUN);
        assertThat(new InsightsLayout(List.of(run)).sections())
                .contains(COVERAGE)
                .doesNotContain(VALUES);
    }

    @Test
    void theTitleNamesTheRunsSideBySideAndTheSamplesMeasured() {
        assertThat(new InsightsLayout(List.of(measured(1, PLAIN), measured(4, labelled()))).title())
                .isEqualTo("#1 intent v2  vs  #4 intent v2 · all samples");
    }

    @Test
    void aSavedChartIsTitledWithWhatItShowsAndOfWhichRuns() {
        assertThat(new InsightsLayout(List.of(measured(3, PLAIN))).pictureTitle(InsightsSection.LENGTHS))
                .isEqualTo("Length in words — run #3 intent v2 · all samples");
        assertThat(new InsightsLayout(List.of(measured(1, PLAIN), measured(4, labelled())))
                        .pictureTitle(InsightsSection.LABELS))
                .isEqualTo("Label distribution — runs #1 intent v2  vs  #4 intent v2 · all samples");
    }

    @Test
    void aCardShowsOneRunsValueAloneAndComparedRunsValuesNamedAfterTheirRun() {
        MetricCard alone = card(new InsightsLayout(List.of(measured(1, PLAIN))), "samples");
        assertThat(alone.values()).containsExactly("3");
        MetricCard compared = card(
                new InsightsLayout(List.of(measured(1, PLAIN), measured(4, texts("one card", "two cards")))),
                "samples");
        assertThat(compared.values()).containsExactly("3  #1 intent v2", "2  #4 intent v2");
    }

    @Test
    void aRunWhoseModelStatedItsConfidenceOnGoldLabelsShowsItsCalibrationAndItsEce() {
        List<SampleText> sure =
                labelled().stream().map(s -> s.withConfidence(0.9)).toList();
        InsightsLayout layout = new InsightsLayout(List.of(measured(1, sure)));
        assertThat(layout.sections()).contains(InsightsSection.CALIBRATION);
        // Sure at 0.9, right 2 times in 3: |0.667 − 0.9|.
        assertThat(card(layout, "ECE (model)").values()).containsExactly("0.233 (3 items)");
        assertThat(new InsightsLayout(List.of(measured(1, labelled()))).sections())
                .as("no confidence: no calibration")
                .doesNotContain(InsightsSection.CALIBRATION);
    }

    @Test
    void aMetricNoRunHasGetsNoCard() {
        List<String> plain = new InsightsLayout(List.of(measured(1, PLAIN)))
                .cards().stream().map(MetricCard::name).toList();
        assertThat(plain).contains("samples", "distinct-1").doesNotContain("mean judge score");
        List<String> judged = new InsightsLayout(List.of(MeasuredRuns.judged(measured(1, PLAIN))))
                .cards().stream().map(MetricCard::name).toList();
        assertThat(judged).contains("mean judge score");
    }

    @Test
    void theValueBarsOfRunsSideBySideGoUpToTheLargestCountOfAny() {
        Map<String, List<String>> declared = Map.of("tone", List.of("angry", "calm"));
        MeasuredRun three = measured(1, toned(), declared, MetricSlice.RUN);
        MeasuredRun one = measured(2, toned().subList(1, 2), declared, MetricSlice.RUN);
        assertThat(new InsightsLayout(List.of(one)).mostValueSamples()).isEqualTo(1);
        assertThat(new InsightsLayout(List.of(one, three)).mostValueSamples()).isEqualTo(2);
        assertThat(new InsightsLayout(List.of(measured(3, PLAIN))).mostValueSamples())
                .isEqualTo(1);
    }

    @Test
    void theDistinctNFiguresReadSideBySide() {
        // unigrams a b a c: 3 of 4 unique; bigrams "a b", "a c": 2 of 2; no trigram at all.
        MeasuredRun run = measured(1, texts("a b", "a c"));
        assertThat(InsightsLayout.distinctNValues(run.report().metrics())).isEqualTo("0.750 / 1.000 / 0.000");
    }

    @Test
    void theBarsAreNamedAsTheChartsShowThem() {
        MeasuredRun run = measured(1, labelled());
        assertThat(InsightsLayout.distinctN(run.report().metrics()))
                .containsOnlyKeys("distinct-1", "distinct-2", "distinct-3");
        assertThat(InsightsLayout.labelCounts(run.report().metrics()))
                .containsEntry("lost_card", 2L)
                .containsEntry("new_card", 1L);
        Map<String, Number> lengths = InsightsLayout.lengthBins(run.report().metrics());
        assertThat(lengths.keySet()).allMatch(bin -> bin.matches("\\d+(–\\d+)?"));
        assertThat(lengths.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(3);
        assertThat(InsightsLayout.valueCategory(new ValueCount("sad", 0, 0))).isEqualTo("sad (empty)");
        assertThat(InsightsLayout.valueCategory(new ValueCount("calm", 2, 1))).isEqualTo("calm");
    }

    @Test
    void lengthBarsAreNamedByRangesThatNeverShareANumber() {
        // 1, 2, 7, 23 and 40 words in 20 bins: equal real-valued bins were named "1–3", "3–5", … sharing edges.
        MeasuredRun run = measured(1, texts(words(1), words(2), words(7), words(23), words(40)));

        List<String> names =
                List.copyOf(InsightsLayout.lengthBins(run.report().metrics()).keySet());
        assertThat(names).hasSize(20).startsWith("1–2", "3–4", "5–6").endsWith("39–40");
    }

    private static String words(int count) {
        return String.join(" ", java.util.Collections.nCopies(count, "card"));
    }

    @Test
    void fillTheGapsIsOfferedForARunButNotForOneConditionValuesSamples() {
        Map<String, List<String>> declared = Map.of("tone", List.of("angry", "calm"));
        assertThat(InsightsLayout.offersFillTheGaps(measured(1, toned(), declared, MetricSlice.RUN)))
                .isTrue();
        assertThat(InsightsLayout.offersFillTheGaps(
                        measured(1, toned(), declared, MetricSlice.condition("tone", "angry"))))
                .isFalse();
    }

    private static MetricCard card(InsightsLayout layout, String name) {
        return layout.cards().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
