package io.siftbench.model.insights;

import java.util.Arrays;

/**
 * Counts of values in equal-width bins: bin i holds the values in [start + i·width, start + (i+1)·width), the
 * last bin also holds its upper edge so that the maximum is never dropped.
 */
public record Histogram(double start, double width, long[] counts) {

    public Histogram {
        counts = counts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public double lowerEdge(int bin) {
        return start + bin * width;
    }

    /** {@code bins} equal-width bins from the smallest to the largest of {@code values}. */
    public static Histogram of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, was " + bins);
        }
        if (values.length == 0) {
            return new Histogram(0, 1, new long[bins]);
        }
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        // All-equal values still need a positive width so that every value has a bin.
        double width = max > min ? (max - min) / bins : 1;
        return of(values, min, width, bins);
    }

    /** {@code bins} bins of {@code width} from {@code start}; values outside them go to the first or last bin. */
    public static Histogram of(double[] values, double start, double width, int bins) {
        long[] counts = new long[bins];
        for (double value : values) {
            int bin = (int) Math.floor((value - start) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return new Histogram(start, width, counts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram that && start == that.start && width == that.width
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(start) * 31 + Double.hashCode(width) * 17 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[start=" + start + ", width=" + width + ", counts=" + Arrays.toString(counts) + "]";
    }
}
