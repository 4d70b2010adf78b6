package io.siftbench.model.datasets;

import java.util.List;

/**
 * What a column holds.
 *
 * @param count           records in the dataset
 * @param nulls           records without a value in this column
 * @param distinct        distinct values
 * @param top             the most frequent values, most frequent first
 * @param lengthHistogram for text columns, how many values fall in each length range; empty otherwise
 */
public record ColumnStatistics(
        String column, long count, long nulls, long distinct, List<ValueCount> top, List<LengthBin> lengthHistogram) {

    public ColumnStatistics {
        top = List.copyOf(top);
        lengthHistogram = List.copyOf(lengthHistogram);
    }

    /** A value and how many records hold it. */
    public record ValueCount(String value, long count) {}

    /** Values whose length in characters lies in {@code [from, to]}. */
    public record LengthBin(long from, long to, long count) {}
}
