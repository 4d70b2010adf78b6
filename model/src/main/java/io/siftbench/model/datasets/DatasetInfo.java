package io.siftbench.model.datasets;

import java.util.List;

/** An imported dataset: its name, how many records it holds and its typed columns. */
public record DatasetInfo(long id, String name, long rows, List<ColumnInfo> columns) {

    public DatasetInfo {
        columns = List.copyOf(columns);
    }
}
