package io.siftbench.model.insights;

import io.siftbench.model.embeddings.Vectors;
import java.util.List;
import java.util.Random;

/**
 * Mean and distribution of cos(a, b) over all pairs {a, b} of different samples that have an embedding. Up to
 * {@code exactLimit} such samples every pair is compared; above it, as many random pairs as the exact limit
 * would give, drawn with a fixed seed, are compared instead and the result says so.
 */
public final class EmbeddingSimilarity {

    public static final int DEFAULT_EXACT_LIMIT = 2_000;
    public static final long DEFAULT_SEED = 7;
    private static final HistogramAxis AXIS = new HistogramAxis(-1, 0.05, 40);

    private final int exactLimit;
    private final long seed;

    public EmbeddingSimilarity(int exactLimit, long seed) {
        this.exactLimit = exactLimit;
        this.seed = seed;
    }

    public EmbeddingSimilarity() {
        this(DEFAULT_EXACT_LIMIT, DEFAULT_SEED);
    }

    public SimilarityDistribution measure(List<SampleText> samples) {
        float[][] units = samples.stream()
                .filter(SampleText::hasEmbedding)
                .map(sample -> Vectors.unit(sample.embedding()))
                .toArray(float[][]::new);
        int n = units.length;
        if (n < 2) {
            return new SimilarityDistribution(null, 0, false, AXIS.count(new double[0]));
        }
        boolean sampled = n > exactLimit;
        long pairs = sampled ? (long) exactLimit * (exactLimit - 1) / 2 : (long) n * (n - 1) / 2;
        double[] cosines = new double[Math.toIntExact(pairs)];
        if (sampled) {
            Random random = new Random(seed);
            for (int p = 0; p < cosines.length; p++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n - 1);
                // Drawing b from n − 1 values and skipping a gives a uniform pair of two different samples.
                cosines[p] = Vectors.dot(units[a], units[b >= a ? b + 1 : b]);
            }
        } else {
            int p = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    cosines[p++] = Vectors.dot(units[a], units[b]);
                }
            }
        }
        double sum = 0;
        for (double cosine : cosines) {
            sum += cosine;
        }
        return new SimilarityDistribution(sum / cosines.length, pairs, sampled, AXIS.count(cosines));
    }
}
