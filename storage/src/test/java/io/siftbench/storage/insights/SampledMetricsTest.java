package io.siftbench.storage.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.LabelCount;
import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.RunMetricsReport;
import io.siftbench.model.insights.RunSampleSet;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run larger than the sample size (lowered here to 50 for a run of 300) is measured on a seeded sample of that
 * size that the report states, while the sample count and the label distribution stay exact; a run within the size
 * is measured whole, as before.
 */
class SampledMetricsTest {

    private static final int SIZE = 50;

    @TempDir
    Path dir;

    @Test
    void aRunLargerThanTheSampleSizeSaysSoAndKeepsItsCountsExact() throws Exception {
        Path file = dir.resolve("sampled.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            // 300 samples whose labels cycle through the fixture's six: 50 of each; every fifth is invalid.
            List<Sample> samples = RunFixture.run(project, version, PromptMode.ANNOTATE, 300);
            RunInfo run = project.runs().find(samples.get(0).runId()).orElseThrow();
            RunMetrics metrics =
                    new RunMetrics(project.runSources(), project.metricSnapshots(), null, InsightsSettings.defaults());

            RunSampleSet drawn = MetricSlice.RUN
                    .apply(project.runSources(), run, StatusSelection.ALL, SIZE)
                    .set();
            RunMetricsReport report = metrics.measure(drawn, StatusSelection.ALL, InsightsProgress.NONE);

            assertThat(drawn.samples()).hasSize(SIZE);
            assertThat(report.sampled().of()).isEqualTo(300);
            assertThat(report.sampled().size()).isEqualTo(SIZE);
            assertThat(report.sampled().seed()).isEqualTo(run.config().seed());
            assertThat(report.sampled().describe()).isEqualTo("on a seeded sample of 50 of 300 samples");
            assertThat(report.metrics().samples()).as("counted exactly").isEqualTo(300);
            assertThat(report.metrics().labels().labels())
                    .as("counted exactly")
                    .extracting(LabelCount::count)
                    .containsExactly(50L, 50L, 50L, 50L, 50L, 50L);
            assertThat(report.metrics().lengths().characters().count())
                    .as("measured on the sample")
                    .isEqualTo(SIZE);
            assertThat(drawn.version())
                    .as("the fingerprint of every sample")
                    .isEqualTo(RunSamples.load(project.runSources(), run.id()).version());
            assertThat(ids(MetricSlice.RUN
                            .apply(project.runSources(), run, StatusSelection.ALL, SIZE)
                            .set()))
                    .as("the same seed draws the same sample")
                    .isEqualTo(ids(drawn));

            RunMetricsReport whole = metrics.measure(
                    MetricSlice.RUN
                            .apply(project.runSources(), run, StatusSelection.ALL, 300)
                            .set(),
                    StatusSelection.ALL,
                    InsightsProgress.NONE);
            assertThat(whole.sampled())
                    .as("a run within the size is measured whole")
                    .isNull();
            assertThat(whole.metrics().lengths().characters().count()).isEqualTo(300);
            assertThat(whole.metrics().labels()).isEqualTo(report.metrics().labels());

            project.decisions().decide(Decision.of(samples.get(299).id(), DecisionStatus.ACCEPTED, null));
            RunMetricsReport accepted = metrics.measure(
                    MetricSlice.RUN
                            .apply(project.runSources(), run, StatusSelection.ACCEPTED, SIZE)
                            .set(),
                    StatusSelection.ACCEPTED,
                    InsightsProgress.NONE);
            assertThat(accepted.sampled())
                    .as("the one accepted sample is measured, not drawn out of the run's 300")
                    .isNull();
            assertThat(accepted.metrics().samples()).isEqualTo(1);
            assertThat(accepted.sampleSetVersion())
                    .as("a decision changes the fingerprint")
                    .isNotEqualTo(report.sampleSetVersion());
        }
    }

    private static List<Long> ids(RunSampleSet set) {
        return set.samples().stream().map(SampleText::id).toList();
    }
}
