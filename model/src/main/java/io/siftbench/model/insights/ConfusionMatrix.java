package io.siftbench.model.insights;

import java.util.Arrays;
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

    public long count(String gold, String predicted) {
        return counts[labels.indexOf(gold)][labels.indexOf(predicted)];
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
