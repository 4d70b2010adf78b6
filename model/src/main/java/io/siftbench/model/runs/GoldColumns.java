package io.siftbench.model.runs;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.prompts.PromptVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an annotate run's records that hold the answer: the dataset's label column and the column the
 * prompt's demonstrations take their labels from. An annotate prompt never sees them, neither as
 * {@code {{category}}} nor {@code {{record.category}}} nor inside {@code {{record}}}: the model would be shown the
 * gold label it is asked to predict. A run's filter still tests them ({@code --where category=card_arrival}).
 */
public record GoldColumns(Set<String> names) {

    public GoldColumns {
        names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** The gold columns of {@code dataset}'s records when {@code version} annotates them. */
    public static GoldColumns of(DatasetInfo dataset, PromptVersion version) {
        Set<String> names = new LinkedHashSet<>();
        if (dataset.labelColumn() != null) {
            names.add(dataset.labelColumn());
        }
        if (version.demonstrations() != null) {
            names.add(version.demonstrations().label());
        }
        return new GoldColumns(names);
    }

    /** {@code columns} without the gold ones, in their order. */
    public Map<String, Object> hiddenFrom(Map<String, Object> columns) {
        Map<String, Object> visible = new LinkedHashMap<>(columns);
        visible.keySet().removeAll(names);
        return Collections.unmodifiableMap(visible);
    }
}
