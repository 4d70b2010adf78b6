package io.siftbench.model.insights;

import java.util.List;

/**
 * The coverage of one condition on its own: a count for every value, empty ones included. Where a prompt has a
 * single condition switched on there is no pair of conditions to draw a heatmap of; this is its bar chart.
 */
public record ValueCoverage(String condition, List<ValueCount> values) {

    public ValueCoverage {
        values = List.copyOf(values);
    }

    /** The values no sample has. */
    public List<ValueCount> emptyValues() {
        return values.stream().filter(ValueCount::empty).toList();
    }

    /**
     * The values with fewer than {@code minimum} accepted samples, empty ones included: the values a "fill the
     * gaps" run generates for.
     */
    public List<ValueCount> thinValues(long minimum) {
        return values.stream().filter(value -> value.accepted() < minimum).toList();
    }
}
