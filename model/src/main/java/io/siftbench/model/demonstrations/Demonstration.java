package io.siftbench.model.demonstrations;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.prompts.Demonstrations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A record of the demonstrations' dataset as a demonstration: its id, the text and label taken from the
 * columns the prompt names, and all its columns (the template may use any of them inside {{#demos}}).
 */
public record Demonstration(long id, String text, String label, Map<String, Object> columns) {

    public Demonstration {
        text = text == null ? "" : text;
        label = label == null ? "" : label;
        columns = columns == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    /**
     * Every record of dataset {@code datasetId} as a demonstration, its text and label from the columns {@code spec}
     * names: the pool a strategy picks from, the same for a run and for the studio's rendered prompt.
     */
    public static List<Demonstration> pool(DatasetStore datasets, long datasetId, Demonstrations spec) {
        List<Demonstration> pool = new ArrayList<>();
        datasets.forEachRecord(
                datasetId,
                r -> pool.add(new Demonstration(r.id(), r.text(spec.text()), r.text(spec.label()), r.values())));
        return pool;
    }
}
