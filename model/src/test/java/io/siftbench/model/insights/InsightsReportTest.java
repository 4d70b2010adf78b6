package io.siftbench.model.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.testing.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class InsightsReportTest {

    private static List<SampleText> samples() {
        return List.of(
                SampleText.of(1, "The cat sat.")
                        .withLabel("cat")
                        .withGoldLabel("cat")
                        .withStatus(SampleStatus.ACCEPTED)
                        .withConditions(Map.of("tone", "calm", "length", "short"))
                        .withEmbedding(new float[] {1, 0}),
                SampleText.of(2, "The cat ran!")
                        .withLabel("cat")
                        .withGoldLabel("dog")
                        .withStatus(SampleStatus.REJECTED)
                        .withConditions(Map.of("tone", "angry", "length", "short"))
                        .withEmbedding(new float[] {0, 1}),
                SampleText.of(3, "A dog ran.")
                        .withLabel("dog")
                        .withGoldLabel("dog")
                        .withStatus(SampleStatus.ACCEPTED)
                        .withConditions(Map.of("tone", "calm", "length", "long"))
                        .withEmbedding(new float[] {1, 1}));
    }

    @Test
    void onlyTheSelectedSamplesAreMeasured() {
        InsightsReport accepted = InsightsReport.of(
                samples(), StatusSelection.ACCEPTED, InsightsSettings.defaults(), InsightsProgress.NONE);

        assertThat(accepted.samples()).isEqualTo(2);
        assertThat(accepted.lexical().tokens()).isEqualTo(6);
        assertThat(accepted.gold().accuracy()).isEqualTo(1.0);
        assertThat(accepted.labels().count("cat")).isEqualTo(1);
        assertThat(accepted.similarity().pairs()).isEqualTo(1);
        assertThat(accepted.embeddingMap().points()).hasSize(2);

        InsightsReport all =
                InsightsReport.of(samples(), StatusSelection.ALL, InsightsSettings.defaults(), InsightsProgress.NONE);
        assertThat(all.samples()).isEqualTo(3);
        assertThat(all.gold().accuracy()).isEqualTo(2.0 / 3);
        assertThat(all.coverage()).singleElement().satisfies(grid -> assertThat(grid.emptyCells())
                .containsExactly(new CoverageCell("long", "angry", 0, 0)));
    }

    @Test
    void progressIsReportedStepByStepAndAnInterruptedThreadStops() {
        List<String> steps = new ArrayList<>();
        InsightsReport.of(
                samples(),
                StatusSelection.ALL,
                InsightsSettings.defaults(),
                (done, total, step) -> steps.add(done + "/" + total + " " + step));

        assertThat(steps).startsWith("0/8 tokenising", "1/8 distinct-n").endsWith("8/8 done");

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> InsightsReport.of(
                            samples(), StatusSelection.ALL, InsightsSettings.defaults(), InsightsProgress.NONE))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theReportWritesAsJsonForTheMetricsCommand() throws IOException {
        InsightsReport report =
                InsightsReport.of(samples(), StatusSelection.ALL, InsightsSettings.defaults(), InsightsProgress.NONE);

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));

        assertThat(json.at("/lexical/distinct/0/value").asDouble()).isEqualTo(6.0 / 9);
        assertThat(json.at("/selfBleu/scored").asInt()).isEqualTo(3);
        assertThat(json.at("/gold/cohensKappa").isNumber()).isTrue();
        assertThat(json.at("/gold/confusion/counts/0/0").asLong()).isEqualTo(1);
    }

    @Test
    void modelLabelsAgainstBanking77GoldLabels() throws IOException {
        Path train = SharedFixtures.require("data/banking77/train.csv");
        // The simple records only (no quotes, so one line each); the dataset import parses the rest.
        List<String> lines = Files.readAllLines(train, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches("[^\"]+,[a-z_]+"))
                .toList();
        List<SampleText> samples = new ArrayList<>();
        for (int i = 1; i <= 2_000; i++) {
            String line = lines.get(i - 1);
            String gold = line.substring(line.lastIndexOf(',') + 1);
            // A stand-in "model" that gets every third label wrong, so the expected scores are known.
            String predicted = i % 3 == 0 ? "wrong_label" : gold;
            samples.add(SampleText.of(i, line.substring(0, line.lastIndexOf(',')))
                    .withGoldLabel(gold)
                    .withLabel(predicted));
        }

        InsightsReport report =
                InsightsReport.of(samples, StatusSelection.ALL, InsightsSettings.defaults(), InsightsProgress.NONE);

        assertThat(report.gold().accuracy()).isEqualTo(1334.0 / 2000);
        assertThat(report.gold().confusion().labels()).contains("card_arrival", "wrong_label");
        assertThat(report.lexical().distinct(1).value()).isBetween(0.01, 0.5);
        assertThat(report.selfBleu().sampled()).isFalse();
    }
}
