package io.siftbench.model.prompts;

import java.util.List;
import java.util.Objects;

/**
 * Where the few-shot demonstrations come from and how they are picked.
 *
 * @param dataset  the source dataset's name
 * @param strategy how records are picked
 * @param k        how many demonstrations each prompt gets
 * @param text     the column that holds a demonstration's text
 * @param label    the column that holds a demonstration's label
 * @param ids      the record ids of the fixed strategy
 * @param seed     the seed of the random and balanced strategies
 */
public record Demonstrations(
        String dataset,
        DemonstrationStrategy strategy,
        Integer k,
        String text,
        String label,
        List<Long> ids,
        Long seed) {

    public Demonstrations {
        Objects.requireNonNull(dataset, "demonstrations need a dataset");
        strategy = strategy == null ? DemonstrationStrategy.RANDOM : strategy;
        ids = ids == null ? List.of() : List.copyOf(ids);
        k = k == null ? (strategy == DemonstrationStrategy.FIXED ? ids.size() : 4) : k;
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, not " + k);
        }
        text = text == null || text.isBlank() ? "text" : text;
        label = label == null || label.isBlank() ? "label" : label;
        seed = seed == null ? 0L : seed;
        if (strategy == DemonstrationStrategy.FIXED && ids.isEmpty() && k > 0) {
            throw new IllegalArgumentException("the fixed strategy needs the record ids in \"ids\"");
        }
    }
}
