package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.insights.InsightsSources;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * The Insights of a 2,000-sample run as the screen computes them (samples from H2, MiniLM embeddings, every
 * metric, the snapshot written), then a second look served from the snapshot. The baseline, measured in the
 * same run, is reading the run's samples from the project. Run with {@code mvn -Pbench verify -pl app -am}.
 */
class InsightsRunBench {

    private static final int SAMPLES = 2_000;

    @Test
    void insightsOfA2000SampleRun() throws Exception {
        Path dir = Files.createTempDirectory("insights-bench");
        Path file = dir.resolve("bench.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        try (Project project = new H2ProjectOpener().open(file)) {
            RunFixture.run(project, version, PromptMode.SYNTHESIZE, SAMPLES);
            SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project);
            InsightsViewModel viewModel = new InsightsViewModel(
                    open.map(p -> new InsightsSources(p.runSources(), p.metricSnapshots())),
                    new CurrentThreadTaskExecutor(),
                    () -> new SampleEmbedder(EmbeddingModels.miniLm()),
                    Bindings.createObjectBinding(() -> {
                        throw new AssertionError("no run is started here");
                    }));
            EmbeddingModels.miniLm(); // loading the model once is start-up cost, not the screen's
            RunInfo run = viewModel.runs().get(0);

            long start = System.nanoTime();
            assertThat(RunSamples.load(project.runSources(), run.id()).samples())
                    .hasSize(SAMPLES);
            double load = seconds(start);

            start = System.nanoTime();
            viewModel.measure(List.of(run));
            double computed = seconds(start);
            assertThat(viewModel.measured().get(0).report().cached()).isFalse();

            start = System.nanoTime();
            viewModel.measure(List.of(run));
            double cached = seconds(start);
            assertThat(viewModel.measured().get(0).report().cached()).isTrue();

            System.out.printf(
                    Locale.ROOT,
                    "Insights of a %,d-sample run: reading the samples %.2f s (baseline);"
                            + " computing every metric with embeddings %.2f s (%.1f x baseline); from the snapshot %.2f s"
                            + " (%.1f x baseline)%n",
                    SAMPLES,
                    load,
                    computed,
                    computed / load,
                    cached,
                    cached / load);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
