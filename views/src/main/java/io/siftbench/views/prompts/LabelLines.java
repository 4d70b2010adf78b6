package io.siftbench.views.prompts;

import io.siftbench.model.prompts.Label;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The label set as the studio edits it: one label a line, {@code name | description | verbalizer}, so
 * that 77 labels can be pasted from a list at once.
 */
final class LabelLines {

    private LabelLines() {}

    static List<Label> parse(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .map(line -> {
                    String[] parts = Arrays.stream(line.split("\\|", 3))
                            .map(String::strip)
                            .toArray(String[]::new);
                    return new Label(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : null);
                })
                .toList();
    }

    static String format(List<Label> labels) {
        return labels.stream()
                .map(l -> {
                    String line = l.name() + " | " + l.description();
                    return l.verbalizer().equals(l.name()) ? line : line + " | " + l.verbalizer();
                })
                .collect(Collectors.joining("\n"));
    }
}
