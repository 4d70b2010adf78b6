package io.siftbench.views.insights;

import java.util.Locale;

/**
 * A number axis over at least a range, widened to whole ticks of 1, 2 or 5 times a power of ten (about eight of
 * them), so that charts side by side that share a range also share their ticks.
 *
 * @param lower the first tick
 * @param upper the last tick
 * @param tick  the step between ticks
 */
record AxisScale(double lower, double upper, double tick) {

    /** The axis over {@code [lower, upper]}, which must not be empty. */
    static AxisScale covering(double lower, double upper) {
        double rough = (upper - lower) / 8;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double tick =
                rough <= power ? power : rough <= 2 * power ? 2 * power : rough <= 5 * power ? 5 * power : 10 * power;
        return new AxisScale(Math.floor(lower / tick) * tick, Math.ceil(upper / tick) * tick, tick);
    }

    /**
     * How a tick at {@code value} is labelled: as a whole multiple of the tick, with as many decimals as the tick
     * has, so that sums like 0.1 + 0.2 (and −0) never show.
     */
    String label(Number value) {
        String format = "%." + Math.max(0, (int) -Math.floor(Math.log10(tick))) + "f";
        return String.format(Locale.ROOT, format, Math.round(value.doubleValue() / tick) * tick + 0.0);
    }
}
