package io.siftbench.model.export;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Narrows an export: a record passes when, for every condition named, its value is one of those listed;
 * its label is one of {@code labels} (when any are listed); it carries one of {@code flags} (when any); and, when
 * it ends a dialogue's conversation, that has {@code minTurns} to {@code maxTurns} turns (either bound may be null
 * for none; a record that ends no conversation has no turns to bound).
 */
public record ExportFilter(
        Map<String, Set<String>> conditions,
        Set<String> labels,
        Set<String> flags,
        Integer minTurns,
        Integer maxTurns) {

    public static final ExportFilter NONE = new ExportFilter(Map.of(), Set.of(), Set.of());

    public ExportFilter {
        conditions = Map.copyOf(conditions);
        labels = Set.copyOf(labels);
        flags = Set.copyOf(flags);
        if (minTurns != null && maxTurns != null && minTurns > maxTurns) {
            throw new IllegalArgumentException(
                    "the turn bounds are crossed: at least " + minTurns + " turns, at most " + maxTurns);
        }
    }

    /** A filter with no bound on a conversation's turns. */
    public ExportFilter(Map<String, Set<String>> conditions, Set<String> labels, Set<String> flags) {
        this(conditions, labels, flags, null, null);
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
        if (record.conversation() != null) {
            int turns = record.conversation().size();
            if (minTurns != null && turns < minTurns || maxTurns != null && turns > maxTurns) {
                return false;
            }
        }
        return flags.isEmpty() || record.flags().stream().anyMatch(flags::contains);
    }
}
