package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Self-BLEU: how much each sample repeats the others (higher means less diverse).
 *
 * <p>Definition, the same as NLTK's {@code sentence_bleu} with {@code SmoothingFunction().method1}:
 * <ul>
 *   <li>self-BLEU = mean over the samples h of BLEU(h; all other samples as references);</li>
 *   <li>BLEU(h) = BP · exp(Σ_{n=1..4} ¼ · ln p_n);</li>
 *   <li>p_n = m_n / t_n, where t_n = max(1, number of n-grams in h) and m_n = Σ_g min(count_h(g),
 *       max_r count_r(g)) is the clipped match count; when m_n = 0, Chen &amp; Cherry's method 1 uses
 *       p_n = ε / t_n with ε = 0.1;</li>
 *   <li>BP = 1 if c &gt; r, else exp(1 − r/c), with c = |h| in tokens and r the reference length closest to c
 *       (the shorter one on a tie);</li>
 *   <li>BLEU(h) = 0 when h has no token or no unigram of h occurs in any reference (as NLTK returns).</li>
 * </ul>
 * Tokens come from {@link Tokenizer}. Up to {@code exactLimit} samples every sample is scored; above it a
 * subset of {@code exactLimit} samples, drawn with a fixed seed, is scored within itself and the size is
 * reported. Clipping uses, per n-gram, the largest and second-largest count over the set, so each sample is
 * scored against all others in time linear in its length rather than in the size of the set.
 */
public final class SelfBleu {

    public static final int DEFAULT_EXACT_LIMIT = 2_000;
    public static final long DEFAULT_SEED = 7;
    private static final int MAX_N = 4;
    private static final double EPSILON = 0.1;

    private final int exactLimit;
    private final long seed;

    public SelfBleu(int exactLimit, long seed) {
        if (exactLimit < 2) {
            throw new IllegalArgumentException("self-BLEU needs an exact limit of at least 2, was " + exactLimit);
        }
        this.exactLimit = exactLimit;
        this.seed = seed;
    }

    public SelfBleu() {
        this(DEFAULT_EXACT_LIMIT, DEFAULT_SEED);
    }

    /** Self-BLEU of the tokenised samples (see the class comment for the definition). */
    public SelfBleuScore score(List<List<String>> tokenLists) {
        int population = tokenLists.size();
        List<List<String>> scored = new ArrayList<>();
        for (int i : scoredPositions(population)) {
            scored.add(tokenLists.get(i));
        }
        return scoreChosen(scored, population);
    }

    /**
     * The positions of the samples {@link #score} scores in a set of {@code population}, ascending: every one up to
     * the exact limit, else the seeded subset. Lets a caller that reads a large set once keep only those.
     */
    public int[] scoredPositions(int population) {
        if (population <= exactLimit) {
            int[] all = new int[population];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return seededSubset(population, exactLimit, seed);
    }

    /** Self-BLEU of a set of {@code population} from the samples at its {@link #scoredPositions}, in that order. */
    public SelfBleuScore scoreChosen(List<List<String>> scored, int population) {
        boolean sampled = population > exactLimit;
        if (scored.size() < 2) {
            return new SelfBleuScore(null, population, scored.size(), false);
        }
        NGramIndex index = new NGramIndex(scored, MAX_N);
        List<ReferenceCounts> references = new ArrayList<>();
        for (int n = 1; n <= MAX_N; n++) {
            references.add(new ReferenceCounts(index, n));
        }
        ReferenceLengths lengths = new ReferenceLengths(index);
        double sum = 0;
        for (int s = 0; s < index.samples(); s++) {
            sum += sentenceBleu(index, s, references, lengths);
        }
        return new SelfBleuScore(sum / index.samples(), population, index.samples(), sampled);
    }

    /** The positions, ascending, of a uniform subset of {@code size} of {@code population} drawn with {@code seed}. */
    public static int[] seededSubset(int population, int size, long seed) {
        int[] order = new int[population];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        // A partial Fisher-Yates shuffle: the first size positions become a uniform random subset.
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] chosen = Arrays.copyOf(order, size);
        Arrays.sort(chosen);
        return chosen;
    }

    private static double sentenceBleu(
            NGramIndex index, int sample, List<ReferenceCounts> references, ReferenceLengths lengths) {
        int length = index.ids(1, sample).length;
        if (length == 0) {
            return 0;
        }
        double logSum = 0;
        for (int n = 1; n <= MAX_N; n++) {
            int[] grams = index.ids(n, sample);
            long matches = references.get(n - 1).clippedMatches(grams);
            if (n == 1 && matches == 0) {
                return 0;
            }
            double denominator = Math.max(1, grams.length);
            double precision = matches == 0 ? EPSILON / denominator : matches / denominator;
            logSum += Math.log(precision) / MAX_N;
        }
        int reference = lengths.closestOtherThan(length);
        double brevityPenalty = length > reference ? 1 : Math.exp(1 - (double) reference / length);
        return brevityPenalty * Math.exp(logSum);
    }

    /**
     * Per n-gram of one order: the largest count any sample has, how many samples have it, and the largest
     * count below it. The largest count over all samples but h is then known without looking at the others.
     */
    private static final class ReferenceCounts {
        private final int[] top;
        private final int[] holders;
        private final int[] second;

        ReferenceCounts(NGramIndex index, int n) {
            int distinct = index.distinct(n);
            top = new int[distinct];
            holders = new int[distinct];
            second = new int[distinct];
            for (int s = 0; s < index.samples(); s++) {
                forEachCount(index.ids(n, s), (gram, count) -> {
                    if (count > top[gram]) {
                        second[gram] = top[gram];
                        top[gram] = count;
                        holders[gram] = 1;
                    } else if (count == top[gram]) {
                        holders[gram]++;
                    } else if (count > second[gram]) {
                        second[gram] = count;
                    }
                });
            }
        }

        long clippedMatches(int[] grams) {
            long[] matches = {0};
            forEachCount(grams, (gram, count) -> {
                int othersMax = count == top[gram] && holders[gram] == 1 ? second[gram] : top[gram];
                matches[0] += Math.min(count, othersMax);
            });
            return matches[0];
        }

        private interface GramCount {
            void accept(int gram, int count);
        }

        /** Calls {@code action} once per different n-gram of {@code grams} with how often it occurs there. */
        private static void forEachCount(int[] grams, GramCount action) {
            int[] sorted = grams.clone();
            Arrays.sort(sorted);
            int i = 0;
            while (i < sorted.length) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                action.accept(sorted[i], j - i);
                i = j;
            }
        }
    }

    /** How many samples have each length, to find the reference length closest to a hypothesis's own. */
    private static final class ReferenceLengths {
        private final int[] samplesOfLength;

        ReferenceLengths(NGramIndex index) {
            int longest = 0;
            for (int s = 0; s < index.samples(); s++) {
                longest = Math.max(longest, index.ids(1, s).length);
            }
            samplesOfLength = new int[longest + 1];
            for (int s = 0; s < index.samples(); s++) {
                samplesOfLength[index.ids(1, s).length]++;
            }
        }

        /** The length closest to {@code length} among the other samples (one sample of that length excluded). */
        int closestOtherThan(int length) {
            for (int distance = 0; ; distance++) {
                int shorter = length - distance;
                if (shorter >= 0 && others(shorter, length) > 0) {
                    return shorter;
                }
                int longer = length + distance;
                if (longer < samplesOfLength.length && others(longer, length) > 0) {
                    return longer;
                }
            }
        }

        private int others(int candidate, int own) {
            return samplesOfLength[candidate] - (candidate == own ? 1 : 0);
        }
    }
}
