package io.siftbench.views.insights;

import io.siftbench.model.insights.EmbeddingMap;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsReport;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.JudgeScores;
import io.siftbench.model.insights.MapPoint;
import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.RunMetricsReport;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.SeededSample;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.prompts.JudgeScale;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Runs of prompt "intent" v2 measured by the real metrics, as the Insights screen gets them. */
final class MeasuredRuns {

    private MeasuredRuns() {}

    /** Run {@code id}'s samples measured whole, with no conditions declared. */
    static MeasuredRun measured(long id, List<SampleText> samples) {
        return measured(id, samples, Map.of(), MetricSlice.RUN);
    }

    /** Run {@code id}'s samples measured as {@code slice}, its prompt declaring {@code conditions}. */
    static MeasuredRun measured(
            long id, List<SampleText> samples, Map<String, List<String>> conditions, MetricSlice slice) {
        InsightsReport metrics = InsightsReport.of(
                samples,
                StatusSelection.ALL,
                InsightsSettings.defaults().withConditions(conditions),
                InsightsProgress.NONE);
        Map<Long, SampleText> byId = new LinkedHashMap<>();
        samples.forEach(s -> byId.put(s.id(), s));
        return new MeasuredRun(
                run(id, samples.size()),
                slice,
                new RunMetricsReport(id, "", StatusSelection.ALL, 1, false, metrics, null, null, null),
                byId);
    }

    /** {@code run} as judged by judge run 9 on the default scale. */
    static MeasuredRun judged(MeasuredRun run) {
        List<SampleText> samples = run.samples().values().stream()
                .map(s -> s.withJudgement(4.0, "fine"))
                .toList();
        return reported(run, run.report().metrics(), JudgeScores.of(List.of(9L), JudgeScale.DEFAULT, samples));
    }

    /** {@code run} as if its samples had been drawn, with the run's seed 7, out of {@code of}. */
    static MeasuredRun sampled(MeasuredRun run, long of) {
        RunMetricsReport r = run.report();
        return new MeasuredRun(
                run.run(),
                run.slice(),
                new RunMetricsReport(
                        r.run(),
                        r.slice(),
                        r.status(),
                        r.sampleSetVersion(),
                        r.cached(),
                        r.metrics(),
                        r.researcherAgreement(),
                        r.judge(),
                        new SeededSample(of, r.metrics().samples(), 7, SeededSample.SAMPLED_METRICS)),
                run.samples());
    }

    /** {@code run} with an embedding map of exactly {@code points}. */
    static MeasuredRun mapped(MeasuredRun run, List<MapPoint> points) {
        InsightsReport m = run.report().metrics();
        InsightsReport metrics = new InsightsReport(
                m.selection(),
                m.samples(),
                m.lexical(),
                m.selfBleu(),
                m.lengths(),
                m.labels(),
                m.coverage(),
                m.valueCoverage(),
                m.similarity(),
                new EmbeddingMap(points, new double[] {0.6, 0.3}),
                m.gold(),
                m.calibration());
        return reported(run, metrics, run.report().judge());
    }

    /** {@code run} as measured, with {@code metrics} and {@code judge} in its report. */
    private static MeasuredRun reported(MeasuredRun run, InsightsReport metrics, JudgeScores judge) {
        RunMetricsReport report = run.report();
        return new MeasuredRun(
                run.run(),
                run.slice(),
                new RunMetricsReport(
                        report.run(),
                        report.slice(),
                        report.status(),
                        report.sampleSetVersion(),
                        report.cached(),
                        metrics,
                        report.researcherAgreement(),
                        judge,
                        report.sampled()),
                run.samples());
    }

    static RunInfo run(long id, long samples) {
        return new RunInfo(id, "intent", 2, null, RunStatus.COMPLETED, samples, 0, Instant.EPOCH, Instant.EPOCH, null);
    }

    /** Pending samples of {@code texts}, with ids from 1. */
    static List<SampleText> texts(String... texts) {
        return IntStream.range(0, texts.length)
                .mapToObj(i -> SampleText.of(i + 1, texts[i]))
                .toList();
    }
}
