package io.siftbench.storage.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.RunMetricsReport;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's metrics from a real project file: texts and gold labels come from the input dataset, statuses from
 * the decisions, and the snapshot in {@code metric_snapshot} is reused until a sample or decision changes.
 */
class RunMetricsTest {

    @TempDir
    Path dir;

    private Project project;
    private long run;
    private List<Sample> samples;

    @BeforeEach
    void annotateRunOverALabelledDataset() throws Exception {
        Path file = dir.resolve("metrics.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        project = new H2ProjectOpener().open(file);
        Path csv = dir.resolve("questions.csv");
        // Gold labels; the fixture's model labels are card_arrival, card_linking, exchange_rate,
        // lost_or_stolen_card for records 1..4, so the model gets record 3 wrong.
        Files.writeString(
                csv,
                """
                text,label
                where is my new card,card_arrival
                how do I link my card,card_linking
                my card has not come yet,card_arrival
                someone stole my card,lost_or_stolen_card
                """);
        DatasetInfo dataset = project.datasets()
                .importFile(ImportOptions.of(csv), ImportProgress.NONE)
                .dataset();
        run = project.runs()
                .create(new RunConfig(
                        version,
                        PromptMode.ANNOTATE,
                        new BackendRef("openai", "http://127.0.0.1:1/v1", "tiny"),
                        "{}",
                        dataset.id(),
                        7,
                        1,
                        4,
                        1,
                        "{}"));
        samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            samples.add(project.samples().add(RunFixture.sample(run, PromptMode.ANNOTATE, i)));
        }
    }

    @AfterEach
    void close() {
        project.close();
    }

    private RunMetricsReport measure(StatusSelection selection) {
        return new RunMetrics(project.runSources(), project.metricSnapshots(), null, InsightsSettings.defaults())
                .measure(run, selection, InsightsProgress.NONE);
    }

    @Test
    void measuresTheRecordsTextsAndAgreementWithGoldForModelAndResearcher() {
        project.decisions().decide(Decision.edit(samples.get(2).id(), null, "card_arrival", "record 3 is an arrival"));

        RunMetricsReport report = measure(StatusSelection.ALL);

        assertThat(report.metrics().samples()).isEqualTo(4);
        // The texts measured are the dataset's records (annotate samples have no text of their own): 5 + 6 + 6 + 4
        // tokens, and "my" and "card" in every record.
        assertThat(report.metrics().lexical().tokens()).isEqualTo(5 + 6 + 6 + 4);
        assertThat(report.metrics().gold().accuracy()).isEqualTo(0.75);
        assertThat(report.metrics().gold().confusion().count("card_arrival", "exchange_rate"))
                .isEqualTo(1);
        assertThat(report.researcherAgreement().accuracy()).isEqualTo(1.0);
        assertThat(report.researcherAgreement().macroF1()).isEqualTo(1.0);
    }

    @Test
    void aSnapshotIsReusedUntilADecisionChangesTheSetAndAfterUndoTheVersionComesBack() {
        RunMetricsReport first = measure(StatusSelection.ALL);
        RunMetricsReport again = measure(StatusSelection.ALL);
        assertThat(first.cached()).isFalse();
        assertThat(again.cached()).isTrue();
        assertThat(again.metrics()).usingRecursiveComparison().isEqualTo(first.metrics());

        project.decisions().decide(Decision.of(samples.get(0).id(), DecisionStatus.ACCEPTED, null));
        RunMetricsReport afterDecision = measure(StatusSelection.ALL);
        assertThat(afterDecision.cached()).isFalse();
        assertThat(afterDecision.sampleSetVersion()).isNotEqualTo(first.sampleSetVersion());

        project.decisions().undo();
        assertThat(measure(StatusSelection.ALL).sampleSetVersion()).isEqualTo(first.sampleSetVersion());
    }

    @Test
    void acceptedAndRejectedSelectionsMeasureOnlyThoseSamples() {
        project.decisions()
                .decide(List.of(
                        Decision.of(samples.get(0).id(), DecisionStatus.ACCEPTED, null),
                        Decision.edit(samples.get(1).id(), null, "card_linking", null),
                        Decision.of(samples.get(2).id(), DecisionStatus.REJECTED, null),
                        Decision.of(samples.get(3).id(), DecisionStatus.SKIPPED, null)));

        assertThat(measure(StatusSelection.ACCEPTED).metrics().samples()).isEqualTo(2);
        RunMetricsReport rejected = measure(StatusSelection.REJECTED);
        assertThat(rejected.metrics().samples()).isEqualTo(1);
        assertThat(rejected.metrics().gold().accuracy()).isZero();
        assertThat(measure(StatusSelection.ALL).metrics().samples()).isEqualTo(4);
    }

    @Test
    void aSnapshotWrittenBeforeAMetricExistedIsMeasuredAfresh() throws Exception {
        RunMetricsReport first = measure(StatusSelection.ALL);
        String scope = "status=all;no-embeddings";
        String stored = project.metricSnapshots()
                .find(run, scope, first.sampleSetVersion())
                .orElseThrow();
        // The snapshot as an older Siftbench wrote it: without the per-value condition coverage.
        ObjectNode older = (ObjectNode) new ObjectMapper().readTree(stored);
        ((ObjectNode) older.get("metrics")).remove("valueCoverage");
        project.metricSnapshots().save(run, scope, first.sampleSetVersion(), older.toString());

        RunMetricsReport again = measure(StatusSelection.ALL);

        assertThat(again.cached()).isFalse();
        assertThat(again.metrics().valueCoverage()).isEqualTo(first.metrics().valueCoverage());
        assertThat(measure(StatusSelection.ALL).cached()).isTrue();
    }

    @Test
    void twoTasksStoringTheSameSnapshotAtOnceBothSucceedAndOneIsKept() throws Exception {
        // A cancelled Insights task may still be storing while the researcher's next one stores the same scope.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                String metrics = "{\"writer\":" + writer + "}";
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        project.metricSnapshots().save(run, "question", 0, metrics);
                    }
                }));
            }
            for (var written : writers) {
                written.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(project.metricSnapshots().find(run, "question", 0).orElseThrow())
                .isIn("{\"writer\":0}", "{\"writer\":1}");
    }
}
