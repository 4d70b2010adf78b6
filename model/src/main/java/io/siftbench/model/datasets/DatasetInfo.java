package io.siftbench.model.datasets;

import java.util.List;

/**
 * An imported dataset: its name, how many records it holds, its typed columns, and which columns hold
 * the text and the label ({@code null} where there is none).
 */
public record DatasetInfo(
        long id, String name, long rows, List<ColumnInfo> columns, String textColumn, String labelColumn) {

    public DatasetInfo {
        columns = List.copyOf(columns);
    }

    /** The column called {@code name}, if the dataset has one. */
    public java.util.Optional<ColumnInfo> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
