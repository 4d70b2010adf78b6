package io.siftbench.model.demonstrations;

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
}
