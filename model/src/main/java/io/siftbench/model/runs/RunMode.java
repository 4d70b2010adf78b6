package io.siftbench.model.runs;

import java.util.Locale;

/** What a run asks of the model: a label for each record, or new samples. */
public enum RunMode {
    ANNOTATE, SYNTHESIZE;

    /** The lower-case name used in files, the database and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunMode fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
