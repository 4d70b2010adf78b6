package io.siftbench.model.insights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the insights are computed.
 *
 * @param maxN               the largest n of distinct-n (3 gives distinct-1, -2 and -3)
 * @param topNGrams          how many of the most frequent n-grams to list per order
 * @param selfBleuExactLimit up to how many samples self-BLEU is exact (above, a seeded sample of this size)
 * @param similarityLimit    up to how many embedded samples every pair's cosine is computed
 * @param seed               the seed of every sampling step, so that results repeat
 * @param bins               the number of bins of the length histograms
 * @param conditions         the declared values of each condition in the prompt's order, so that the coverage
 *                           shows empty cells
 */
public record InsightsSettings(
        int maxN,
        int topNGrams,
        int selfBleuExactLimit,
        int similarityLimit,
        long seed,
        int bins,
        Map<String, List<String>> conditions) {

    public InsightsSettings {
        // A copy that keeps the prompt's order of conditions, which the coverage grids follow.
        conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    }

    public static InsightsSettings defaults() {
        return new InsightsSettings(
                3,
                20,
                SelfBleu.DEFAULT_EXACT_LIMIT,
                EmbeddingSimilarity.DEFAULT_EXACT_LIMIT,
                SelfBleu.DEFAULT_SEED,
                Summary.DEFAULT_BINS,
                Map.of());
    }

    public InsightsSettings withConditions(Map<String, List<String>> declared) {
        return new InsightsSettings(maxN, topNGrams, selfBleuExactLimit, similarityLimit, seed, bins, declared);
    }
}
