package io.siftbench.model.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.project.Project;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Computes a run's metrics, or reads them from the project's metric snapshots when the run's samples and
 * decisions have not changed since they were computed (the snapshot is keyed by the sample set's fingerprint,
 * so a new sample, decision or undo makes the next call compute afresh).
 */
public final class RunMetrics {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Project project;
    private final Supplier<SampleEmbedder> embedder;
    private final InsightsSettings settings;

    /**
     * @param embedder gives the samples embeddings for the similarity and the map; null measures without them
     *                 (the two metrics are then absent). Asked for only when metrics are computed, because
     *                 loading an embedding model takes a while that a snapshot or a bad run id should not cost.
     */
    public RunMetrics(Project project, Supplier<SampleEmbedder> embedder, InsightsSettings settings) {
        this.project = project;
        this.embedder = embedder;
        this.settings = settings;
    }

    public RunMetricsReport measure(long runId, StatusSelection selection, InsightsProgress progress) {
        return measure(RunSamples.load(project, runId), selection, progress);
    }

    /** Measures a run's samples already read (a screen that also shows the samples reads them once). */
    public RunMetricsReport measure(RunSampleSet set, StatusSelection selection, InsightsProgress progress) {
        return measure(set, "", selection, progress);
    }

    /**
     * Measures a slice of samples: one condition value's ({@link RunSampleSet#where}) or the runs of one prompt
     * version ({@link RunSampleSet#union}).
     *
     * @param slice says which slice, in the report and in the snapshot's key (empty for a whole run)
     */
    public RunMetricsReport measure(RunSampleSet set, String slice, StatusSelection selection,
                                    InsightsProgress progress) {
        long runId = set.runId();
        String scope = scope(selection) + (slice.isEmpty() ? "" : ";" + slice);
        Optional<String> stored = project.metricSnapshots().find(runId, scope, set.version());
        if (stored.isPresent()) {
            RunMetricsReport.Snapshot snapshot = read(stored.get());
            return new RunMetricsReport(runId, slice, selection, set.version(), true, snapshot.metrics(),
                    snapshot.researcherAgreement());
        }
        List<SampleText> samples = selection.select(set.samples());
        if (embedder != null) {
            samples = embedder.get().embed(samples, progress);
        }
        InsightsReport report = InsightsReport.measure(samples, selection,
                settings.withConditions(set.conditions()), progress, null);
        GoldAgreement researcher = report.gold() == null ? null
                : GoldAgreement.of(selection.select(set.withResearcherLabels()));
        project.metricSnapshots().save(runId, scope, set.version(),
                write(new RunMetricsReport.Snapshot(report, researcher)));
        return new RunMetricsReport(runId, slice, selection, set.version(), false, report, researcher);
    }

    /** The snapshot's scope: the status selection, and whether embeddings were part of it. */
    private String scope(StatusSelection selection) {
        return "status=" + selection.name().toLowerCase(Locale.ROOT) + (embedder == null ? ";no-embeddings" : "");
    }

    private static String write(RunMetricsReport.Snapshot snapshot) {
        try {
            return JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunMetricsReport.Snapshot read(String json) {
        try {
            return JSON.readValue(json, RunMetricsReport.Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
