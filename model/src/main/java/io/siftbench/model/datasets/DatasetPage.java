package io.siftbench.model.datasets;

import java.util.List;

/** A window of records as a query orders them: {@code records} start at position {@code offset}. */
public record DatasetPage(long offset, List<DatasetRecord> records) {

    public DatasetPage {
        records = List.copyOf(records);
    }
}
