package io.siftbench.model.compare;

import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Lines up the samples of 2–4 variants row by row: by input record in annotate mode, by condition combination
 * in synthesize mode (the n-th sample of a combination beside the n-th of the others). Rows follow the first
 * variant's order; inputs only later variants have come after.
 */
public final class Alignment {

    private Alignment() {
    }

    public static List<CompareRow> of(List<List<ReviewItem>> variants) {
        if (variants.size() < 2 || variants.size() > 4) {
            throw new IllegalArgumentException("compare 2 to 4 variants, not " + variants.size());
        }
        Map<String, ReviewItem[]> rows = new LinkedHashMap<>();
        Map<String, String> inputs = new HashMap<>();
        for (int v = 0; v < variants.size(); v++) {
            Map<String, Integer> seen = new HashMap<>();
            for (ReviewItem item : variants.get(v)) {
                String key = key(item.sample(), seen);
                rows.computeIfAbsent(key, k -> new ReviewItem[variants.size()])[v] = item;
                inputs.putIfAbsent(key, input(item.sample()));
            }
        }
        List<CompareRow> aligned = new ArrayList<>(rows.size());
        rows.forEach((key, cells) -> aligned.add(new CompareRow(key, inputs.get(key), Arrays.asList(cells))));
        return aligned;
    }

    private static String key(Sample s, Map<String, Integer> seen) {
        if (s.slot().recordId() != null) {
            return "record " + s.slot().recordId();
        }
        String combination = combination(s);
        return combination + " #" + seen.merge(combination, 1, Integer::sum);
    }

    private static String combination(Sample s) {
        return new TreeMap<>(s.conditions()).entrySet().stream().map(Map.Entry::toString)
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** The record as the model read it (the last user message), or the condition values of a synthesis. */
    private static String input(Sample s) {
        if (s.slot().recordId() == null) {
            return combination(s);
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
