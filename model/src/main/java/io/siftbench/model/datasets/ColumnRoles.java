package io.siftbench.model.datasets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Guesses which column holds the text and which the label from the columns' names. */
public final class ColumnRoles {

    private static final List<String> TEXT_NAMES = List.of(
            "text",
            "sentence",
            "question",
            "utterance",
            "query",
            "content",
            "input",
            "prompt",
            "document",
            "review",
            "body",
            "message");
    private static final List<String> LABEL_NAMES =
            List.of("label", "category", "intent", "class", "target", "labels", "tag", "output");
    private static final Set<ColumnType> TEXT_LIKE = Set.of(ColumnType.TEXT);

    private ColumnRoles() {}

    /** The text column: the first whose name is a known text name, else the first text column. */
    public static Optional<String> guessText(List<ColumnInfo> columns) {
        return byName(columns, TEXT_NAMES).or(() -> columns.stream()
                .filter(c -> TEXT_LIKE.contains(c.type()))
                .map(ColumnInfo::name)
                .findFirst());
    }

    /** The label column: the first whose name is a known label name. */
    public static Optional<String> guessLabel(List<ColumnInfo> columns) {
        return byName(columns, LABEL_NAMES);
    }

    private static Optional<String> byName(List<ColumnInfo> columns, List<String> names) {
        // Earlier names in the list are stronger hints, so they are tried first.
        for (String wanted : names) {
            for (ColumnInfo c : columns) {
                if (c.name().trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(c.name());
                }
            }
        }
        return Optional.empty();
    }
}
