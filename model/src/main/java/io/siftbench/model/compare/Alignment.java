package io.siftbench.model.compare;

import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Lines up the samples of 2–4 variants row by row: by input record in annotate mode, by condition combination
 * in synthesize mode (the n-th sample of a combination beside the n-th of the others). A combination counts only
 * the conditions every variant's samples have, so that a variant with a condition switched off still lines up
 * (by occurrence) with those that have it on. Rows follow the first variant's order; inputs only later variants
 * have come after.
 */
public final class Alignment {

    private Alignment() {}

    public static List<CompareRow> of(List<List<ReviewItem>> variants) {
        return of(variants, Map.of());
    }

    /**
     * Lines up {@code variants}, each annotate row headed by its record's own text from {@code recordTexts}
     * (record id to text; see {@link RecordTexts}) where it is there.
     */
    public static List<CompareRow> of(List<List<ReviewItem>> variants, Map<Long, String> recordTexts) {
        if (variants.size() < 2 || variants.size() > 4) {
            throw new IllegalArgumentException("compare 2 to 4 variants, not " + variants.size());
        }
        Set<String> shared = sharedConditions(variants);
        Map<String, ReviewItem[]> rows = new LinkedHashMap<>();
        Map<String, String> inputs = new HashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            Map<String, Integer> seen = new HashMap<>();
            for (ReviewItem item : variants.get(v)) {
                String key = key(item.sample(), seen, shared);
                rows.computeIfAbsent(key, k -> new ReviewItem[variants.size()])[v] = item;
                inputs.putIfAbsent(key, input(item.sample(), key, shared, recordTexts));
            }
        }
        List<CompareRow> aligned = new ArrayList<>(rows.size());
        rows.forEach((key, cells) -> aligned.add(new CompareRow(key, inputs.get(key), Arrays.asList(cells))));
        return aligned;
    }

    /** The conditions the samples of every variant that has samples name (a run just started has none yet). */
    private static Set<String> sharedConditions(List<List<ReviewItem>> variants) {
        Set<String> shared = null;
        for (List<ReviewItem> items : variants) {
            if (items.isEmpty()) {
                continue;
            }
            Set<String> named = new HashSet<>();
            items.forEach(item -> named.addAll(item.sample().conditions().keySet()));
            if (shared == null) {
                shared = named;
            } else {
                shared.retainAll(named);
            }
        }
        return shared == null ? Set.of() : shared;
    }

    private static String key(Sample s, Map<String, Integer> seen, Set<String> shared) {
        if (s.slot().recordId() != null) {
            return "record " + s.slot().recordId();
        }
        String combination = combination(s, shared);
        return combination + " #" + seen.merge(combination, 1, Integer::sum);
    }

    private static String combination(Sample s, Set<String> shared) {
        return new TreeMap<>(s.conditions())
                .entrySet().stream()
                        .filter(e -> shared.contains(e.getKey()))
                        .map(Map.Entry::toString)
                        .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * The record's own text, or where it is not known the record as the model read it (the last user message); for
     * a synthesis the condition values the row aligns by, or its number where no condition is shared.
     */
    private static String input(Sample s, String key, Set<String> shared, Map<Long, String> recordTexts) {
        if (s.slot().recordId() == null) {
            return shared.isEmpty() ? "Sample " + key.substring(key.lastIndexOf('#') + 1) : combination(s, shared);
        }
        String text = recordTexts.get(s.slot().recordId());
        if (text != null) {
            return "Record " + s.slot().recordId() + ": " + text;
        }
        List<Message> messages = s.slot().messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return "Record " + s.slot().recordId() + ": " + messages.get(i).content();
            }
        }
        return "Record " + s.slot().recordId();
    }
}
