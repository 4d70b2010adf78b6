package io.siftbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.app.insights.LoopbackRuns;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.compare.VariantsAgainstGold;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.compare.CompareSources;
import io.siftbench.views.compare.CompareViewModel;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare's paired comparison of two annotate runs scored against gold, on real runs against a loopback server: 40
 * records with gold labels, the first run wrong on 10, the second on 4 of those same 10, so the second is right on
 * 6 the first got wrong and never the other way round: accuracy 0.75 against 0.90, a difference of +0.15, and
 * McNemar's exact p = 2 × ½⁶ = 0.031. An edit in a cell changes the figures at once.
 */
class CompareAgainstGoldTest {

    private static final List<String> LABELS = List.of("card_arrival", "pin_blocked");

    @TempDir
    Path dir;

    @Test
    void theSecondRunIsBetterByFifteenPointsWithMcNemarsExactPValue() throws Exception {
        try (LoopbackRuns runs = new LoopbackRuns(dir.resolve("gold.mv.db"));
                RunBackends backends = new RunBackends(() -> BackendSettings.EMPTY)) {
            StringBuilder csv = new StringBuilder("text,category\n");
            IntStream.range(0, 40).forEach(i -> csv.append("question ")
                    .append(i)
                    .append(',')
                    .append(LABELS.get(i % 2))
                    .append('\n'));
            RunInfo first = runs.annotated(csv.toString(), LABELS, answering(i -> i >= 10));
            runs.server.always(LoopbackServer.answering(request -> label(request, answering(i -> i >= 4))));
            RunInfo second = runs.start(first.config());

            SimpleObjectProperty<io.siftbench.model.project.Project> project = new SimpleObjectProperty<>(runs.project);
            CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
            CompareViewModel viewModel = new CompareViewModel(
                    project.map(p -> new CompareSources(p.runSources(), p.decisions(), p.preferences())),
                    tasks,
                    new RunStarter(
                            project.map(open -> new ProjectRuns(open, backends, EmbeddingModels::miniLm).launcher()),
                            tasks),
                    () -> BackendSettings.EMPTY,
                    () -> new SampleEmbedder(EmbeddingModels.miniLm()));
            viewModel.compare(List.of(first, second));

            assertThat(viewModel.againstGold()).singleElement().satisfies(gold -> {
                assertThat(gold.first()).isZero();
                assertThat(gold.second()).isEqualTo(1);
                assertThat(gold.paired().items()).isEqualTo(40);
                assertThat(gold.paired().accuracyA()).isCloseTo(0.75, within(1e-9));
                assertThat(gold.paired().accuracyB()).isCloseTo(0.90, within(1e-9));
                assertThat(gold.paired().onlyA()).isZero();
                assertThat(gold.paired().onlyB()).isEqualTo(6);
                assertThat(gold.paired().pValue()).isCloseTo(2 / 64.0, within(1e-12));
                assertThat(gold.paired().difference().low()).isPositive();
                assertThat(gold.describe("v1", "v2"))
                        .matches("v2 better than v1: \\+0\\.15 \\[\\+0\\.\\d\\d, \\+0\\.\\d\\d\\], McNemar p = 0\\.031"
                                + " · accuracy 0\\.75 → 0\\.90 on 40 records");
            });

            // The researcher corrects the first run's label of question 0 in its cell, which the second got wrong too.
            int row = IntStream.range(0, viewModel.rows().size())
                    .filter(r -> viewModel.rows().get(r).input().contains("question 0"))
                    .findFirst()
                    .orElseThrow();
            viewModel.edit(row, 0, null, LABELS.get(0));
            assertThat(viewModel.againstGold())
                    .singleElement()
                    .extracting(VariantsAgainstGold::paired)
                    .satisfies(p -> {
                        assertThat(p.accuracyA()).isCloseTo(0.775, within(1e-9));
                        assertThat(p.onlyA()).isEqualTo(1);
                        assertThat(p.onlyB()).isEqualTo(6);
                    });
            assertThat(viewModel.againstGold().get(0).describe("v1", "v2"))
                    .as("one disagreement either way fewer makes the difference one chance could give")
                    .contains("v2 better than v1: +0.13")
                    .contains("McNemar p = 0.125 (not significant)");
        }
    }

    /** Answers question i with its gold label where {@code right} says so, else with the other label. */
    private static java.util.function.UnaryOperator<String> answering(IntPredicate right) {
        return question -> {
            int i = Integer.parseInt(question.strip().substring("question ".length()));
            return LABELS.get(right.test(i) ? i % 2 : 1 - i % 2);
        };
    }

    private static String label(
            com.fasterxml.jackson.databind.JsonNode request, java.util.function.UnaryOperator<String> answer) {
        return "{\"label\": \""
                + answer.apply(LoopbackServer.lastUserMessage(request).replaceFirst("^Q: ", ""))
                + "\"}";
    }
}
