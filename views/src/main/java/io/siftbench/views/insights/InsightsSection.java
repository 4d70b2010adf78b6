package io.siftbench.views.insights;

import io.siftbench.model.insights.RunMetricsReport;
import java.util.function.Predicate;

/**
 * The charts of the Insights screen beneath the metric cards, in the order they show. A chart shows when at least
 * one measured run has something for it; beside it, a run without shows a line saying so.
 */
enum InsightsSection {
    DISTINCT_N("distinct-n", "Distinct n-grams (distinct-1 / distinct-2 / distinct-3, the share unique)", r -> true),
    LENGTHS("lengths", "Length in words", r -> true),
    LABELS("labels", "Label distribution", r -> !r.metrics().labels().labels().isEmpty(), false),
    MAP("map", "Embedding map (PCA)", r -> r.metrics().embeddingMap() != null),
    VALUES("values", "Condition values (samples and accepted)", r -> r.metrics().coverageByValue()),
    COVERAGE("coverage", "Condition coverage (samples / accepted)", r -> !r.metrics()
            .filledCoverage()
            .isEmpty()),
    JUDGE("judge", "Judge scores (judged samples per score)", r -> r.judge() != null),
    CONFUSION(
            "confusion",
            "Confusion with gold: the most confused pairs, and the matrix (gold ↓, model →)",
            r -> r.metrics().gold() != null),
    CALIBRATION(
            "calibration",
            "Calibration: the model's confidence against agreement with gold (reliability diagram)",
            r -> r.metrics().calibration() != null);

    private final String id;
    private final String title;
    private final Predicate<RunMetricsReport> has;
    private final boolean drawn;

    InsightsSection(String id, String title, Predicate<RunMetricsReport> has) {
        this(id, title, has, true);
    }

    InsightsSection(String id, String title, Predicate<RunMetricsReport> has, boolean drawn) {
        this.id = id;
        this.title = title;
        this.has = has;
        this.drawn = drawn;
    }

    /**
     * Whether the chart of a run larger than the sample size shows its seeded sample ({@code RunMetricsReport.sampled});
     * the label distribution is counted on every sample.
     */
    boolean drawn() {
        return drawn;
    }

    /** Names the chart and its save button ({@code insights-chart-ID}, {@code insights-save-ID}) and its PNG file. */
    String id() {
        return id;
    }

    String title() {
        return title;
    }

    /** Whether {@code report} has something for this chart. */
    boolean has(RunMetricsReport report) {
        return has.test(report);
    }
}
