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

    /** The smallest whole number in {@code bin}. */
    public long firstInteger(int bin) {
        return (long) Math.ceil(lowerEdge(bin));
    }

    /** The largest whole number in {@code bin}: one below the next bin's first, so that no two bins share one. */
    public long lastInteger(int bin) {
        return (long) Math.ceil(lowerEdge(bin + 1)) - 1;
    }

    /** {@code bins} equal-width bins from the smallest to the largest of {@code values}. */
    public static Histogram of(double[] values, int bins) {
        return HistogramAxis.spanning(values, bins).count(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram that
                && start == that.start
                && width == that.width
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
