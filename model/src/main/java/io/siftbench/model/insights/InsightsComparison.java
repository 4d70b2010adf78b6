package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports of two or more sets (runs or prompt versions) shown side by side, put on {@link SharedAxes}: the length
 * histograms re-binned on bins spanning every set, and the embedding maps re-projected on one PCA fitted on the
 * union of the sets' embeddings, so that bars and points line up and the same text lands on the same point in
 * every map. Every other figure is the set's own.
 *
 * <p>Each report is measured on its own first (and kept so in the metric snapshots, as it is when the set is shown
 * alone); only the axes depend on which sets are shown together, so they are fitted here, each time.
 */
public final class InsightsComparison {

    private InsightsComparison() {}

    /**
     * The reports, in the same order, on axes shared by all of them.
     *
     * @param reports each set's own report
     * @param samples each set's measured samples (the report's status selection), in the same order, with their
     *                embeddings where the map should be shared; a report without a map keeps none
     * @param bins    the number of bins of the length histograms
     */
    public static List<InsightsReport> onSharedAxes(
            List<InsightsReport> reports, List<List<SampleText>> samples, int bins) {
        if (reports.size() != samples.size()) {
            throw new IllegalArgumentException(reports.size() + " reports but " + samples.size() + " sample sets");
        }
        SharedAxes axes = SharedAxes.of(samples, bins);
        List<InsightsReport> shared = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            List<SampleText> set = samples.get(i);
            List<String> texts = set.stream().map(SampleText::text).toList();
            LengthStatistics lengths = LengthStatistics.of(
                    texts, texts.stream().map(Tokenizer::tokens).toList(), axes.characters(), axes.words());
            boolean embedded = set.stream().anyMatch(SampleText::hasEmbedding);
            InsightsReport report = reports.get(i);
            shared.add(report.onAxes(
                    lengths,
                    embedded && report.embeddingMap() != null
                            ? axes.projection().project(set)
                            : report.embeddingMap()));
        }
        return shared;
    }
}
