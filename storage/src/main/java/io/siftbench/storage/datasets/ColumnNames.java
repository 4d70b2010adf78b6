package io.siftbench.storage.datasets;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The columns of a JSON source in order of first appearance. A second reading of the same file starts from
 * the names the first reading found, so every key keeps its position.
 */
final class ColumnNames {

    // Read by the thread that stores while the reading thread may still add keys; new keys are rare.
    private final List<String> names = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> positions = new ConcurrentHashMap<>();

    ColumnNames(List<String> known) {
        known.forEach(this::positionOf);
    }

    int positionOf(String name) {
        Integer at = positions.get(name);
        if (at == null) {
            at = names.size();
            names.add(name);
            positions.put(name, at);
        }
        return at;
    }

    int size() {
        return names.size();
    }

    List<String> list() {
        return Collections.unmodifiableList(names);
    }
}
