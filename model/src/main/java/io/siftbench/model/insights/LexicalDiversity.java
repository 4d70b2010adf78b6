package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-level diversity of a set of samples: distinct-1 … distinct-maxN, the vocabulary size (the number of
 * different tokens) and the most frequent n-grams of each order.
 *
 * @param tokens         how many tokens the set holds in total
 * @param vocabularySize how many different tokens it holds
 * @param distinct       distinct-n for n = 1 … maxN
 * @param topNGrams      per order n, the most frequent n-grams, most frequent first, ties in alphabetical order
 */
public record LexicalDiversity(
        long tokens, int vocabularySize, List<DistinctN> distinct, Map<Integer, List<NGramCount>> topNGrams) {

    public LexicalDiversity {
        distinct = List.copyOf(distinct);
        topNGrams = Map.copyOf(topNGrams);
    }

    /** distinct-n for the order {@code n}. */
    public DistinctN distinct(int n) {
        return distinct.get(n - 1);
    }

    /** Measures the set held by {@code index}, keeping the {@code top} most frequent n-grams of each order. */
    public static LexicalDiversity of(NGramIndex index, int top) {
        List<DistinctN> distinct = new ArrayList<>();
        Map<Integer, List<NGramCount>> topNGrams = new LinkedHashMap<>();
        long tokens = 0;
        for (int n = 1; n <= index.maxN(); n++) {
            long[] counts = new long[index.distinct(n)];
            long total = 0;
            for (int s = 0; s < index.samples(); s++) {
                int[] grams = index.ids(n, s);
                total += grams.length;
                for (int gram : grams) {
                    counts[gram]++;
                }
            }
            if (n == 1) {
                tokens = total;
            }
            distinct.add(new DistinctN(n, counts.length, total, total == 0 ? 0 : (double) counts.length / total));
            topNGrams.put(n, mostFrequent(index, n, counts, top));
        }
        return new LexicalDiversity(tokens, index.distinct(1), distinct, topNGrams);
    }

    private static List<NGramCount> mostFrequent(NGramIndex index, int n, long[] counts, int top) {
        if (top <= 0 || counts.length == 0) {
            return List.of();
        }
        // The count of the top-th most frequent n-gram; only n-grams at or above it (ties included) get text.
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        long cutoff = sorted[Math.max(0, sorted.length - top)];
        List<NGramCount> candidates = new ArrayList<>();
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] >= cutoff) {
                candidates.add(new NGramCount(index.text(n, id), counts[id]));
            }
        }
        candidates.sort(Comparator.comparingLong(NGramCount::count).reversed().thenComparing(NGramCount::ngram));
        return List.copyOf(candidates.subList(0, Math.min(top, candidates.size())));
    }
}
