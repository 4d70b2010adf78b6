package io.siftbench.model.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.curation.Judgements;
import io.siftbench.model.prompts.JudgeScale;
import io.siftbench.model.runs.RunInfo;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Computes a run's metrics, or reads them from the project's metric snapshots when the run's samples and
 * decisions have not changed since they were computed (the snapshot is keyed by the sample set's fingerprint,
 * so a new sample, decision or undo makes the next call compute afresh; a snapshot written before a metric
 * existed lacks it and is computed afresh too). Runs shown side by side are put on shared axes afterwards
 * ({@link #onSharedAxes}), so that each run's snapshot stays what the run shows alone.
 */
public final class RunMetrics {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true);

    private final RunSources sources;
    private final MetricSnapshots snapshots;
    private final Supplier<SampleEmbedder> embedder;
    private final InsightsSettings settings;

    /**
     * @param embedder gives the samples embeddings for the similarity and the map; null measures without them
     *                 (the two metrics are then absent). Asked for only when metrics are computed, because
     *                 loading an embedding model takes a while that a snapshot or a bad run id should not cost.
     */
    public RunMetrics(
            RunSources sources,
            MetricSnapshots snapshots,
            Supplier<SampleEmbedder> embedder,
            InsightsSettings settings) {
        this.sources = sources;
        this.snapshots = snapshots;
        this.embedder = embedder;
        this.settings = settings;
    }

    public RunMetricsReport measure(long runId, StatusSelection selection, InsightsProgress progress) {
        RunInfo run = RunSamples.run(sources, runId);
        return measure(MetricSlice.RUN.apply(sources, run, selection, RunSamples.SAMPLE_SIZE), selection, progress);
    }

    /** Measures a run's samples already read (a screen that also shows the samples reads them once). */
    public RunMetricsReport measure(RunSampleSet set, StatusSelection selection, InsightsProgress progress) {
        return measure(set, "", selection, progress);
    }

    /** Measures a slice of samples as {@link MetricSlice#apply} took them, under the slice's name. */
    public RunMetricsReport measure(MetricSlice.Sliced sliced, StatusSelection selection, InsightsProgress progress) {
        return measure(sliced.set(), sliced.label(), selection, progress);
    }

    /**
     * Measures a slice of samples: one condition value's ({@link RunSampleSet#where}) or the runs of one prompt
     * version ({@link RunSampleSet#union}). A set drawn from more samples ({@link RunSampleSet#draw}) is measured
     * on its sample, with the sample count and the labels of every sample as they were counted, and says so.
     *
     * @param slice says which slice, in the report and in the snapshot's key (empty for a whole run)
     */
    public RunMetricsReport measure(
            RunSampleSet set, String slice, StatusSelection selection, InsightsProgress progress) {
        long runId = set.runId();
        List<SampleText> selected = selection.select(set.samples());
        SeededSample sampled = set.draw() == null
                ? null
                : new SeededSample(set.draw().of(), selected.size(), set.draw().seed(), SeededSample.SAMPLED_METRICS);
        // A sample of another size is another measurement of the same samples.
        String scope = scope(selection)
                + (slice.isEmpty() ? "" : ";" + slice)
                + (sampled == null ? "" : ";sample=" + sampled.size());
        Optional<RunMetricsReport.Snapshot> stored =
                snapshots.find(runId, scope, set.version()).flatMap(RunMetrics::read);
        JudgeScores judge = judgeScores(set, selection);
        if (stored.isPresent()) {
            return new RunMetricsReport(
                    runId,
                    slice,
                    selection,
                    set.version(),
                    true,
                    stored.get().metrics(),
                    stored.get().researcherAgreement(),
                    judge,
                    sampled);
        }
        List<SampleText> samples = embedded(selected, progress);
        InsightsReport report =
                InsightsReport.measure(samples, selection, settings.withConditions(set.conditions()), progress);
        if (sampled != null) {
            report = report.withExactCounts(
                    Math.toIntExact(sampled.of()), set.draw().labels());
        }
        GoldAgreement researcher =
                report.gold() == null ? null : GoldAgreement.of(selection.select(set.withResearcherLabels()));
        snapshots.save(runId, scope, set.version(), write(new RunMetricsReport.Snapshot(report, researcher)));
        return new RunMetricsReport(runId, slice, selection, set.version(), false, report, researcher, judge, sampled);
    }

    /**
     * The judge scores of the selected samples: the verdicts of the newest judge run of each of the set's runs
     * whose scale is the first judged run's (scores on another scale would not add up, so those samples count as
     * not judged); null when none of its runs was judged.
     */
    private JudgeScores judgeScores(RunSampleSet set, StatusSelection selection) {
        List<Long> judgeRuns = new ArrayList<>();
        Map<Long, JudgeVerdict> verdicts = new HashMap<>();
        JudgeScale scale = null;
        for (long run : set.runs()) {
            Judgements judgements = sources.samples().judgements(run);
            Optional<JudgeScale> judgeScale = judgements.scaleIn(sources.prompts(), sources.runs());
            if (judgeScale.isPresent() && (scale == null || scale.equals(judgeScale.get()))) {
                scale = judgeScale.get();
                judgeRuns.add(judgements.judgeRunId());
                verdicts.putAll(judgements.verdicts());
            }
        }
        return scale == null
                ? null
                : JudgeScores.of(
                        judgeRuns,
                        scale,
                        new Judgements(judgeRuns.get(0), verdicts).apply(selection.select(set.samples())));
    }

    /**
     * Runs measured by {@link #measure} (each {@code reports.get(i)} of {@code sets.get(i)}) put on shared axes to
     * be shown side by side: the length histograms on common bins, the embedding maps on one PCA fitted on all the
     * runs' embeddings (taken from the project's text-embedding cache, so a run measured before costs no
     * embedding). The snapshots are not touched: a run shown alone keeps its own axes.
     */
    public List<RunMetricsReport> onSharedAxes(
            List<RunMetricsReport> reports, List<RunSampleSet> sets, InsightsProgress progress) {
        List<List<SampleText>> samples = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            samples.add(embedded(reports.get(i).status().select(sets.get(i).samples()), progress));
        }
        List<InsightsReport> shared = InsightsComparison.onSharedAxes(
                reports.stream().map(RunMetricsReport::metrics).toList(), samples, settings.bins());
        List<RunMetricsReport> result = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            RunMetricsReport own = reports.get(i);
            result.add(new RunMetricsReport(
                    own.run(),
                    own.slice(),
                    own.status(),
                    own.sampleSetVersion(),
                    own.cached(),
                    shared.get(i),
                    own.researcherAgreement(),
                    own.judge(),
                    own.sampled()));
        }
        return result;
    }

    /** The samples with their embeddings, through the project's cache; as they are without an embedder. */
    private List<SampleText> embedded(List<SampleText> samples, InsightsProgress progress) {
        return embedder == null
                ? samples
                : embedder.get().cachedIn(sources.textEmbeddings()).embed(samples, progress);
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

    /** The snapshot, or empty when it does not fit today's metrics (it was written before one of them existed). */
    private static Optional<RunMetricsReport.Snapshot> read(String json) {
        try {
            return Optional.of(JSON.readValue(json, RunMetricsReport.Snapshot.class));
        } catch (MismatchedInputException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
