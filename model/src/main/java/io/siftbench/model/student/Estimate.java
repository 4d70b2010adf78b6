package io.siftbench.model.student;

/**
 * A figure measured on the test items, with its 95% bootstrap interval (the 2.5th and 97.5th percentiles of the
 * figure over resamples of the test items, drawn with replacement).
 */
public record Estimate(double value, double low, double high) {

    /** "0.912 [0.902, 0.922]". */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
    }
}
