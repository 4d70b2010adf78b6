package io.siftbench.model.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The shapes training code reads. Every one but CSV is JSON Lines: one JSON object per line. */
public enum ExportFormat {
    /** Every field: id, input, output, label, condition values, provenance, the decision. */
    JSONL("jsonl"),
    /** The same records flattened to columns, with the formula-injection guard. */
    CSV("csv"),
    /** {@code instruction}, {@code input}, {@code output}. */
    ALPACA("jsonl"),
    /** {@code {"messages":[{"role":…,"content":…}]}}: OpenAI fine-tuning and ShareGPT style. */
    CHAT("jsonl"),
    /** Preference pairs {@code prompt}, {@code chosen}, {@code rejected} (DPO and the like). */
    DPO("jsonl"),
    /** {@code text}, {@code label}. */
    CLASSIFICATION("jsonl");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    public static ExportFormat fromId(String id) {
        return Arrays.stream(values())
                .filter(f -> f.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not an export format; one of "
                        + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "))));
    }
}
