package io.siftbench.storage.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.RunMetricsReport;
import io.siftbench.model.insights.RunSampleSet;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metrics of one condition value and of all the runs of one prompt version, from a real project file: each
 * slice measures only its samples and keeps a snapshot of its own beside the whole run's.
 */
class MetricSlicesTest {

    @TempDir
    Path dir;

    @Test
    void oneConditionValueIsMeasuredOnItsSamplesWithASnapshotOfItsOwn() throws Exception {
        Path file = dir.resolve("slices.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        try (Project project = new H2ProjectOpener().open(file)) {
            // The fixture's stories alternate: "story i told in a angry tone" for even i, polite for odd i.
            List<Sample> samples = RunFixture.run(project, version, PromptMode.SYNTHESIZE, 6);
            RunMetrics metrics =
                    new RunMetrics(project.runSources(), project.metricSnapshots(), null, InsightsSettings.defaults());
            RunSampleSet run =
                    RunSamples.load(project.runSources(), samples.get(0).runId());

            RunMetricsReport whole = metrics.measure(run, StatusSelection.ALL, InsightsProgress.NONE);
            RunMetricsReport angry = metrics.measure(
                    run.where("tone", "angry"), "condition tone=angry", StatusSelection.ALL, InsightsProgress.NONE);
            RunMetricsReport angryAgain = metrics.measure(
                    run.where("tone", "angry"), "condition tone=angry", StatusSelection.ALL, InsightsProgress.NONE);

            assertThat(whole.metrics().samples()).isEqualTo(6);
            assertThat(angry.metrics().samples()).isEqualTo(3);
            assertThat(angry.cached()).as("not the whole run's snapshot").isFalse();
            assertThat(angryAgain.cached()).isTrue();
            assertThat(angryAgain.slice()).isEqualTo("condition tone=angry");
            // "story 0 told in a angry tone", stories 2 and 4 likewise: 3 × 7 tokens; the words story, told, in, a,
            // angry, tone and the numbers 0, 2, 4 (never "polite", nor 1, 3, 5).
            assertThat(angry.metrics().lexical().tokens()).isEqualTo(3 * 7);
            assertThat(angry.metrics().lexical().vocabularySize()).isEqualTo(9);
        }
    }

    @Test
    void thePromptVersionsRunsAreMeasuredAsOneSet() throws Exception {
        Path file = dir.resolve("version.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        try (Project project = new H2ProjectOpener().open(file)) {
            long first = RunFixture.run(project, version, PromptMode.SYNTHESIZE, 6)
                    .get(0)
                    .runId();
            long second = RunFixture.run(project, version, PromptMode.SYNTHESIZE, 4)
                    .get(0)
                    .runId();
            RunMetrics metrics =
                    new RunMetrics(project.runSources(), project.metricSnapshots(), null, InsightsSettings.defaults());

            RunMetricsReport both = metrics.measure(
                    RunSampleSet.union(List.of(
                            RunSamples.load(project.runSources(), first),
                            RunSamples.load(project.runSources(), second))),
                    "prompt stories@1",
                    StatusSelection.ALL,
                    InsightsProgress.NONE);

            assertThat(both.metrics().samples()).isEqualTo(10);
            assertThat(both.run()).isEqualTo(first);
            assertThat(metrics.measure(first, StatusSelection.ALL, InsightsProgress.NONE)
                            .metrics()
                            .samples())
                    .as("the first run alone, not the union's snapshot")
                    .isEqualTo(6);
        }
    }
}
