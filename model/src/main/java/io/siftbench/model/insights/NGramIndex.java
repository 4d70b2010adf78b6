package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every n-gram (n = 1 … maxN) of a set of token lists, each given a dense int id per order, so that counting
 * and clipping work on int arrays rather than on strings. An n-gram's id is found from the id of its first
 * n-1 tokens and the id of its last token, which keeps the index exact (no hashing collisions) and linear in
 * the number of tokens.
 */
public final class NGramIndex {

    private final int maxN;
    /** {@code ids[n-1][sample]}: the ids of the sample's n-grams of order n, in text order. */
    private final int[][][] ids;
    /** Per order n ≥ 2: the packed (prefix id, last token id) of each n-gram id, to turn it back into text. */
    private final List<List<Long>> parts = new ArrayList<>();

    private final List<String> tokens = new ArrayList<>();

    public NGramIndex(List<List<String>> tokenLists, int maxN) {
        if (maxN < 1) {
            throw new IllegalArgumentException("n-gram order must be at least 1, was " + maxN);
        }
        this.maxN = maxN;
        int samples = tokenLists.size();
        ids = new int[maxN][samples][];
        Map<String, Integer> tokenIds = new HashMap<>();
        for (int s = 0; s < samples; s++) {
            List<String> sampleTokens = tokenLists.get(s);
            int[] unigrams = new int[sampleTokens.size()];
            for (int i = 0; i < unigrams.length; i++) {
                unigrams[i] = tokenIds.computeIfAbsent(sampleTokens.get(i), token -> {
                    tokens.add(token);
                    return tokens.size() - 1;
                });
            }
            ids[0][s] = unigrams;
        }
        for (int n = 2; n <= maxN; n++) {
            Map<Long, Integer> orderIds = new HashMap<>();
            List<Long> orderParts = new ArrayList<>();
            for (int s = 0; s < samples; s++) {
                int[] shorter = ids[n - 2][s];
                int[] unigrams = ids[0][s];
                int[] grams = new int[Math.max(0, unigrams.length - n + 1)];
                for (int i = 0; i < grams.length; i++) {
                    long key = ((long) shorter[i] << 32) | unigrams[i + n - 1];
                    grams[i] = orderIds.computeIfAbsent(key, k -> {
                        orderParts.add(k);
                        return orderParts.size() - 1;
                    });
                }
                ids[n - 1][s] = grams;
            }
            parts.add(orderParts);
        }
    }

    public int maxN() {
        return maxN;
    }

    public int samples() {
        return ids[0].length;
    }

    /** The ids of sample {@code sample}'s n-grams of order {@code n}, in text order (do not modify). */
    public int[] ids(int n, int sample) {
        return ids[n - 1][sample];
    }

    /** How many different n-grams of order {@code n} the whole set holds; ids run from 0 to this minus one. */
    public int distinct(int n) {
        return n == 1 ? tokens.size() : parts.get(n - 2).size();
    }

    /** The n-gram's tokens joined by single spaces. */
    public String text(int n, int id) {
        if (n == 1) {
            return tokens.get(id);
        }
        long packed = parts.get(n - 2).get(id);
        return text(n - 1, (int) (packed >>> 32)) + " " + tokens.get((int) packed);
    }
}
