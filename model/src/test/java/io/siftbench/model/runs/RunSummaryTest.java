package io.siftbench.model.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.prompts.PromptMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's settings and a sample's parameters read as a person would write them. */
class RunSummaryTest {

    private static final BackendRef BACKEND = new BackendRef("openai", "http://127.0.0.1:8080/v1", "tiny");
    private static final GenerationParameters WARM =
            new GenerationParameters(0.7, 0.95, 512, null, List.of(), Duration.ofSeconds(120));

    private static RunConfig config(PromptMode mode, Long datasetId, int votes, RunDetails details) {
        return new RunConfig(1, mode, BACKEND, details.parametersJson(), datasetId, 7, 2, 200, votes, details.toJson());
    }

    @Test
    void anAnnotateRunNamesItsDatasetFilterSubsetVotesAndTemperature() {
        RunDetails details = RunDetails.of(200, WARM).withWhere("category", "card_arrival");

        assertThat(RunSummary.settings(config(PromptMode.ANNOTATE, 3L, 5, details), Map.of(3L, "b77")))
                .isEqualTo("b77 · category = card_arrival · 200 at random · 5 votes · T 0.7");
        assertThat(RunSummary.settings(config(PromptMode.ANNOTATE, 3L, 1, RunDetails.of(null, WARM)), Map.of()))
                .as("every record, one vote, a dataset not listed")
                .isEqualTo("dataset #3 · T 0.7");
        assertThat(RunSummary.settings(config(PromptMode.ANNOTATE, null, 1, RunDetails.of(null, WARM)), Map.of()))
                .isEqualTo("dataset deleted · T 0.7");
    }

    @Test
    void aSynthesizeRunCountsTheCellsItFillsAndAJudgeRunNamesTheRunItJudges() {
        RunDetails gaps = RunDetails.of(50, WARM)
                .withCells(
                        List.of(Map.of("tone", "angry", "topic", "fees"), Map.of("tone", "polite", "topic", "fees")));
        RunDetails cold = RunDetails.of(
                        null, new GenerationParameters(0, 1, 64, null, List.of(), Duration.ofSeconds(30)))
                .judging(12, 340);

        assertThat(RunSummary.settings(config(PromptMode.SYNTHESIZE, null, 1, gaps), Map.of()))
                .as("a subset size means nothing to a synthesis")
                .isEqualTo("fill the gaps: 2 cells · T 0.7");
        assertThat(RunSummary.settings(config(PromptMode.SYNTHESIZE, null, 3, RunDetails.of(null, WARM)), Map.of()))
                .isEqualTo("3 votes · T 0.7");
        assertThat(RunSummary.settings(config(PromptMode.JUDGE, null, 1, cold), Map.of()))
                .isEqualTo("judges #12 · T 0");
    }

    @Test
    void parametersReadAsWordsWithTheSeedAndOnlyWhatWasStored() {
        String stored = RunDetails.of(null, WARM.withStop(List.of("###", "\n"))).parametersJson();

        assertThat(RunSummary.parameters(stored, 7L))
                .isEqualTo("temperature 0.7 · top-p 0.95 · max tokens 512 · stop [\"###\",\"\\n\"] · seed 7");
        assertThat(RunSummary.parameters(RunDetails.of(null, WARM).parametersJson(), null))
                .isEqualTo("temperature 0.7 · top-p 0.95 · max tokens 512");
        assertThat(RunSummary.parameters("{\"temperature\": 1.0}", 3L)).isEqualTo("temperature 1 · seed 3");
        assertThat(RunSummary.parameters("temperature=0.7", null))
                .as("unreadable: shown as it is")
                .isEqualTo("temperature=0.7");
        assertThat(RunSummary.parameters(null, null)).isEqualTo("none recorded");
    }
}
