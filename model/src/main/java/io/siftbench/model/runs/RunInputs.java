package io.siftbench.model.runs;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The records of a dataset an annotate run may take, before its seeded subset: all of them, or those its
 * details' filter matches. Planning a run and counting what it may take (the command line's {@code --where},
 * the New run dialog) both go through here, so a run's target is exactly the number of slots it plans.
 */
public final class RunInputs {

    private RunInputs() {}

    /** Hands each record of {@code datasetId} that {@code details} takes to {@code action}, in import order. */
    public static void forEachTaken(
            DatasetStore datasets, long datasetId, RunDetails details, Consumer<DatasetRecord> action) {
        datasets.forEachRecord(datasetId, r -> {
            if (details.takes(r.values())) {
                action.accept(r);
            }
        });
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
