package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class InsightsComparisonTest {

    private static SampleText sample(long id, String text, float... embedding) {
        return SampleText.of(id, text).withEmbedding(embedding);
    }

    private static final List<SampleText> FIRST = List.of(
            sample(1, "short one", 1, 0, 0),
            sample(2, "tiny", -1, 0, 0),
            sample(3, "same text in both runs here", 0, 0, 1));
    private static final List<SampleText> SECOND = List.of(
            sample(4, "a much longer sample with many more words than the first run has", 0, 4, 0),
            sample(5, "another rather long sample of the second run", 0, -4, 0),
            sample(6, "same text in both runs here", 0, 0, 1));

    /** Each run measured on its own, as its snapshot keeps it, then both put on shared axes. */
    private static List<InsightsReport> sideBySide() {
        List<InsightsReport> own = List.of(own(FIRST), own(SECOND));
        return InsightsComparison.onSharedAxes(own, List.of(FIRST, SECOND), Summary.DEFAULT_BINS);
    }

    private static InsightsReport own(List<SampleText> samples) {
        return InsightsReport.of(samples, StatusSelection.ALL, InsightsSettings.defaults(), InsightsProgress.NONE);
    }

    @Test
    void lengthHistogramsOfTheRunsShareTheirBins() {
        List<InsightsReport> reports = sideBySide();

        Histogram first = reports.get(0).lengths().words().histogram();
        Histogram second = reports.get(1).lengths().words().histogram();
        // words over both runs: 1 to 13, thirteen whole numbers, so both histograms start at 1 with 13 bins of 1
        assertThat(first.start()).isEqualTo(1).isEqualTo(second.start());
        assertThat(first.width()).isEqualTo(1).isEqualTo(second.width());
        assertThat(first.bins()).isEqualTo(13).isEqualTo(second.bins());
        assertThat(reports.get(0).lengths().words().max()).isEqualTo(6);
        assertThat(reports.get(1).lengths().words().max()).isEqualTo(13);
        // Alone, the first run's bins span only its own 1 to 6 words.
        assertThat(own(FIRST).lengths().words().histogram().bins()).isEqualTo(6);
    }

    @Test
    void onePcaFittedOnTheUnionPutsTheSameTextOfBothRunsOnTheSamePoint() {
        List<InsightsReport> reports = sideBySide();

        // The union's mean is (0, 0, 1/3); its widest spread is the second run's (0, ±4, 0), the next the first
        // run's (±1, 0, 0). So the shared x axis is ±(0, 1, 0) and y is ±(1, 0, 0): the shared text (0, 0, 1) lands
        // at (0, 0) in both maps, and #4 at x = ±4.
        MapPoint inFirst = reports.get(0).embeddingMap().points().get(2);
        MapPoint inSecond = reports.get(1).embeddingMap().points().get(2);
        // (Power iteration stops within about 1e-5 of the exact axes.)
        assertThat(inFirst.x()).isEqualTo(inSecond.x()).isCloseTo(0, within(1e-4));
        assertThat(inFirst.y()).isEqualTo(inSecond.y()).isCloseTo(0, within(1e-4));
        assertThat(Math.abs(reports.get(1).embeddingMap().points().get(0).x())).isCloseTo(4, within(1e-4));
        assertThat(Math.abs(reports.get(0).embeddingMap().points().get(0).y())).isCloseTo(1, within(1e-4));
        // Each run on its own PCA puts the shared text elsewhere: the first run's own map centres on its mean.
        MapPoint alone = own(FIRST).embeddingMap().points().get(2);
        assertThat(Math.hypot(alone.x(), alone.y())).isGreaterThan(0.5);
    }

    @Test
    void everyOtherFigureStaysTheRunsOwn() {
        InsightsReport shared = sideBySide().get(0);
        InsightsReport alone = own(FIRST);

        assertThat(shared.lexical()).isEqualTo(alone.lexical());
        assertThat(shared.selfBleu()).isEqualTo(alone.selfBleu());
        assertThat(shared.similarity()).usingRecursiveComparison().isEqualTo(alone.similarity());
        assertThat(shared.lengths().words().mean())
                .isEqualTo(alone.lengths().words().mean());
    }
}
