package io.siftbench.model.runs;

import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.prompts.ConditionPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Queue;

/**
 * The plan of an annotate run, which scales with its dataset: the seed fixes which records in which order (their
 * ids, 8 bytes a slot) and the condition plan each slot's values, but a record's columns are read, in pages, and
 * its slot rendered only as the slot is about to be sent. The slots are exactly those that planning them all at
 * once gave (keys, order, condition values, demonstrations by ordinal, messages), so a run resumes as it did.
 */
public final class AnnotatePlan implements RunPlan {

    /** Records read at once: one query per page, while a page's slots stay a few hundred kilobytes. */
    static final int PAGE = 256;

    private final RunPlanner planner;
    private final ConditionPlan conditions;
    private final RunPlanner.DemonstrationSource demonstrations;
    private final DatasetStore datasets;
    private final long datasetId;
    private final GoldColumns gold;
    private final long[] recordIds;

    /**
     * @param recordIds the records the run annotates, in the run's order ({@link RunPlanner#chooseInputs})
     * @param gold      the columns the prompt must not see
     */
    public AnnotatePlan(
            RunPlanner planner,
            ConditionPlan conditions,
            RunPlanner.DemonstrationSource demonstrations,
            DatasetStore datasets,
            long datasetId,
            GoldColumns gold,
            long[] recordIds) {
        this.planner = planner;
        this.conditions = conditions;
        this.demonstrations = demonstrations;
        this.datasets = datasets;
        this.datasetId = datasetId;
        this.gold = gold;
        this.recordIds = recordIds;
    }

    @Override
    public int size() {
        return recordIds.length;
    }

    @Override
    public String key(int ordinal) {
        return RunPlanner.recordKey(recordIds[ordinal]);
    }

    @Override
    public Iterator<Slot> slots(PrimitiveIterator.OfInt ordinals) {
        // Made here, not once: a random condition plan draws its values in order, from the first slot on.
        ConditionPlan.Values values = conditions.values(recordIds.length);
        return new Iterator<>() {
            private final Queue<Integer> page = new ArrayDeque<>(PAGE);
            private final Map<Long, Map<String, Object>> columns = new HashMap<>(PAGE * 2);

            @Override
            public boolean hasNext() {
                return !page.isEmpty() || ordinals.hasNext();
            }

            @Override
            public Slot next() {
                if (page.isEmpty()) {
                    readPage();
                }
                int ordinal = page.remove();
                long id = recordIds[ordinal];
                Map<String, Object> record = columns.remove(id);
                if (record == null) {
                    throw new IllegalStateException("Record " + id + " of the dataset this run annotates is gone.");
                }
                return planner.annotated(ordinal, new RunPlanner.Input(id, record), values.at(ordinal), demonstrations);
            }

            private void readPage() {
                if (!ordinals.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Long> ids = new ArrayList<>(PAGE);
                while (ids.size() < PAGE && ordinals.hasNext()) {
                    int ordinal = ordinals.nextInt();
                    page.add(ordinal);
                    ids.add(recordIds[ordinal]);
                }
                columns.clear();
                for (DatasetRecord r : datasets.records(datasetId, ids)) {
                    columns.put(r.id(), gold.hiddenFrom(r.values()));
                }
            }
        };
    }
}
