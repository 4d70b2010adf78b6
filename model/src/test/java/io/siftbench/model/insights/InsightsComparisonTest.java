package io.siftbench.model.insights;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InsightsComparisonTest {

    private static SampleText sample(long id, String text, float... embedding) {
        return SampleText.of(id, text).withEmbedding(embedding);
    }

    private static Map<String, List<SampleText>> twoRuns() {
        Map<String, List<SampleText>> sets = new LinkedHashMap<>();
        sets.put("run 1", List.of(sample(1, "short one", 1, 0, 0), sample(2, "tiny", -1, 0, 0),
                sample(3, "same text in both runs here", 0, 0, 1)));
        sets.put("run 2", List.of(sample(4, "a much longer sample with many more words than the first run has", 0, 4, 0),
                sample(5, "another rather long sample of the second run", 0, -4, 0),
                sample(6, "same text in both runs here", 0, 0, 1)));
        return sets;
    }

    @Test
    void lengthHistogramsOfTheRunsShareTheirBins() {
        Map<String, InsightsReport> reports = InsightsComparison.of(twoRuns(), StatusSelection.ALL,
                InsightsSettings.defaults(), InsightsProgress.NONE);

        Histogram first = reports.get("run 1").lengths().words().histogram();
        Histogram second = reports.get("run 2").lengths().words().histogram();
        // words over both runs: 1 to 13, so both histograms start at 1 with 20 bins of 0.6
        assertThat(first.start()).isEqualTo(1).isEqualTo(second.start());
        assertThat(first.width()).isCloseTo(0.6, within(1e-12)).isEqualTo(second.width());
        assertThat(reports.get("run 1").lengths().words().max()).isEqualTo(6);
        assertThat(reports.get("run 2").lengths().words().max()).isEqualTo(13);
    }

    @Test
    void theSameEmbeddingLandsOnTheSamePointInEveryRunsMap() {
        Map<String, InsightsReport> reports = InsightsComparison.of(twoRuns(), StatusSelection.ALL,
                InsightsSettings.defaults(), InsightsProgress.NONE);

        MapPoint inFirst = reports.get("run 1").embeddingMap().points().get(2);
        MapPoint inSecond = reports.get("run 2").embeddingMap().points().get(2);
        assertThat(inFirst.x()).isCloseTo(inSecond.x(), within(1e-9));
        assertThat(inFirst.y()).isCloseTo(inSecond.y(), within(1e-9));
        // The shared x axis is the second run's spread along (0, ±4, 0): its points sit at the ends.
        assertThat(Math.abs(reports.get("run 2").embeddingMap().points().get(0).x()))
                .isGreaterThan(Math.abs(inSecond.x()) + 3);
    }

    @Test
    void progressCoversEveryRunInTurn() {
        List<String> steps = new ArrayList<>();
        InsightsComparison.of(twoRuns(), StatusSelection.ALL, InsightsSettings.defaults(),
                (done, total, step) -> steps.add(done + "/" + total + " " + step));

        assertThat(steps).startsWith("0/16 run 1: tokenising").contains("8/16 run 2: tokenising")
                .endsWith("16/16 run 2: done");
    }
}
