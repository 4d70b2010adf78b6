package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Counts of (gold label, predicted label) pairs: {@code counts[gold][predicted]}, labels in {@code labels} order. */
public record ConfusionMatrix(List<String> labels, long[][] counts) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        counts = Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    @Override
    public long[][] counts() {
        return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    /**
     * How often {@code gold} was labelled {@code predicted}; 0 where either label is not in the matrix, as no pair
     * had it (a bootstrap resample of the test items often leaves a rare label out).
     */
    public long count(String gold, String predicted) {
        int g = labels.indexOf(gold);
        int p = labels.indexOf(predicted);
        return g < 0 || p < 0 ? 0 : counts[g][p];
    }

    /**
     * The pairs of different labels most often mistaken, most first (ties in label order), at most {@code limit}:
     * with dozens of labels the matrix is mostly zeros, and these are what is worth reading.
     */
    public List<ConfusedPair> mostConfused(int limit) {
        List<ConfusedPair> pairs = new ArrayList<>();
        for (int gold = 0; gold < labels.size(); gold++) {
            long items = Arrays.stream(counts[gold]).sum();
            for (int predicted = 0; predicted < labels.size(); predicted++) {
                long n = counts[gold][predicted];
                if (gold != predicted && n > 0) {
                    pairs.add(new ConfusedPair(labels.get(gold), labels.get(predicted), n, (double) n / items));
                }
            }
        }
        // A stable sort keeps label order among equal counts.
        pairs.sort(Comparator.comparingLong(ConfusedPair::count).reversed());
        return List.copyOf(pairs.subList(0, Math.min(limit, pairs.size())));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix that
                && labels.equals(that.labels)
                && Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[labels=" + labels + ", counts=" + Arrays.deepToString(counts) + "]";
    }
}
