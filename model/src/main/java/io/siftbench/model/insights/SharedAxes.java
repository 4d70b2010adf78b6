package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Axes shared by the reports of several sets shown side by side: the length histograms' bins span every set's
 * lengths, and the embedding map is one PCA fitted on all the sets' embeddings together, so that the same
 * position means the same thing in each map.
 */
public record SharedAxes(HistogramAxis characters, HistogramAxis words, MapProjection projection) {

    /** The axes spanning all the {@code sets} (each already restricted to the samples to measure). */
    public static SharedAxes of(List<List<SampleText>> sets, int bins) {
        List<SampleText> union = new ArrayList<>();
        sets.forEach(union::addAll);
        List<String> texts = union.stream().map(SampleText::text).toList();
        double[] characters = LengthStatistics.characterLengths(texts);
        double[] words = LengthStatistics.wordLengths(
                texts.stream().map(Tokenizer::tokens).toList());
        return new SharedAxes(
                HistogramAxis.integers(characters, bins),
                HistogramAxis.integers(words, bins),
                MapProjection.fit(union));
    }
}
