package io.siftbench.model.insights;

import java.util.Arrays;

/**
 * Summary statistics of a list of numbers: count, min, max, mean, median (mean of the two middle values for an
 * even count) and the population standard deviation (divided by n, not n − 1), with a histogram.
 */
public record Summary(
        int count, double min, double max, double mean, double median, double standardDeviation, Histogram histogram) {

    public static final int DEFAULT_BINS = 20;

    /** The summary of {@code values}, its histogram spanning them in {@code bins} bins. */
    public static Summary of(double[] values, int bins) {
        return of(values, HistogramAxis.spanning(values, bins));
    }

    /** The summary of {@code values}, its histogram on {@code axis}; all zeros for an empty list. */
    public static Summary of(double[] values, HistogramAxis axis) {
        int n = values.length;
        if (n == 0) {
            return new Summary(0, 0, 0, 0, 0, 0, axis.count(values));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).sum() / n;
        double squares = 0;
        for (double value : sorted) {
            squares += (value - mean) * (value - mean);
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(n, sorted[0], sorted[n - 1], mean, median, Math.sqrt(squares / n), axis.count(values));
    }
}
