package io.siftbench.model.export;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Narrows an export: a record passes when, for every condition named, its value is one of those listed;
 * its label is one of {@code labels} (when any are listed); and it carries one of {@code flags} (when any).
 */
public record ExportFilter(Map<String, Set<String>> conditions, Set<String> labels, Set<String> flags) {

    public static final ExportFilter NONE = new ExportFilter(Map.of(), Set.of(), Set.of());

    public ExportFilter {
        conditions = Map.copyOf(conditions);
        labels = Set.copyOf(labels);
        flags = Set.copyOf(flags);
    }

    /** Reads {@code name=value} pairs; values of the same condition add up. */
    public static Map<String, Set<String>> conditionValues(Collection<String> pairs) {
        Map<String, Set<String>> byName = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a condition filter is NAME=VALUE, not '" + pair + "'");
            }
            byName.computeIfAbsent(pair.substring(0, eq).trim(), k -> new HashSet<>())
                    .add(pair.substring(eq + 1).trim());
        }
        return byName;
    }

    public boolean passes(ExportRecord record) {
        for (Map.Entry<String, Set<String>> wanted : conditions.entrySet()) {
            if (!wanted.getValue().contains(record.conditions().get(wanted.getKey()))) {
                return false;
            }
        }
        if (!labels.isEmpty() && !labels.contains(record.label())) {
            return false;
        }
        return flags.isEmpty() || record.flags().stream().anyMatch(flags::contains);
    }
}
