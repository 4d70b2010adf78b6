package io.siftbench.model.datasets;

import java.util.List;

/** The datasets of one project. */
public interface DatasetStore {

    /** Every dataset, ordered by name. */
    List<DatasetInfo> list();
}
