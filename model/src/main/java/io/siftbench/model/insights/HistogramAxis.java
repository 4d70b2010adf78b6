package io.siftbench.model.insights;

import java.util.Arrays;

/**
 * Where a histogram's bins lie: {@code bins} bins of {@code width} from {@code start}. Histograms of several runs
 * drawn side by side share one axis, so that their bars line up.
 */
public record HistogramAxis(double start, double width, int bins) {

    public HistogramAxis {
        if (bins < 1 || !(width > 0)) {
            throw new IllegalArgumentException(
                    "a histogram needs at least one bin of positive width, got " + bins + " bins of " + width);
        }
    }

    /** {@code bins} equal bins from the smallest to the largest of {@code values} (0 to 1 when there is none). */
    public static HistogramAxis spanning(double[] values, int bins) {
        if (values.length == 0) {
            return new HistogramAxis(0, 1, bins);
        }
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        // All-equal values still need a positive width so that every value has a bin.
        return new HistogramAxis(min, max > min ? (max - min) / bins : 1, bins);
    }

    /**
     * Bins of whole numbers (lengths) from the smallest to the largest of {@code values}: at most {@code bins}
     * bins, each holding the same count of whole numbers, so that bin i is [a, b] and bin i + 1 starts at b + 1.
     * Equal-width bins of real numbers would share their edges ("2–4", "4–5") once named by whole numbers.
     */
    public static HistogramAxis integers(double[] values, int bins) {
        if (values.length == 0) {
            return new HistogramAxis(0, 1, bins);
        }
        long min = (long) Math.floor(Arrays.stream(values).min().orElseThrow());
        long max = (long) Math.floor(Arrays.stream(values).max().orElseThrow());
        long span = max - min + 1;
        long width = Math.max(1, (span + bins - 1) / bins);
        return new HistogramAxis(min, width, (int) ((span + width - 1) / width));
    }

    /** Counts {@code values} in the bins; values outside them go to the first or last bin. */
    public Histogram count(double[] values) {
        long[] counts = new long[bins];
        for (double value : values) {
            int bin = (int) Math.floor((value - start) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return new Histogram(start, width, counts);
    }
}
