package io.siftbench.model.runs;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetStore;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The records of a dataset an annotate run may take, before its seeded subset: all of them, or those its
 * details' filter matches. Planning a run and counting what it may take (the command line's {@code --where},
 * the New run dialog) both go through here, so a run's target is exactly the number of slots it plans.
 */
public final class RunInputs {

    private RunInputs() {}

    /**
     * The ids of the records of {@code datasetId} that {@code details} takes, in import order: all a plan holds
     * of them before their slots are sent (8 bytes a record; their columns are read again as they are sent).
     */
    public static long[] takenIds(DatasetStore datasets, long datasetId, RunDetails details) {
        if (!details.filtered()) {
            return datasets.recordIds(datasetId); // a million ids in a fraction of a second: no record read
        }
        long[][] ids = {new long[1024]};
        int[] n = {0};
        datasets.forEachRecord(datasetId, r -> {
            if (details.takes(r.values())) {
                if (n[0] == ids[0].length) {
                    ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
                }
                ids[0][n[0]++] = r.id();
            }
        });
        return Arrays.copyOf(ids[0], n[0]);
    }

    /**
     * How many records of {@code dataset} the run may take: its size without a filter (nothing to read), else
     * the records read one by one and tested as the planner tests them.
     *
     * @param cancelled checked at every record, so that a count nobody waits for any more stops early
     * @throws CancellationException once {@code cancelled} says so
     */
    public static long count(
            DatasetStore datasets, DatasetInfo dataset, RunDetails details, BooleanSupplier cancelled) {
        if (!details.filtered()) {
            return dataset.rows();
        }
        long[] matching = {0};
        datasets.forEachRecord(dataset.id(), r -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("counting the records of '" + dataset.name() + "' was cancelled");
            }
            matching[0] += details.takes(r.values()) ? 1 : 0;
        });
        return matching[0];
    }
}
