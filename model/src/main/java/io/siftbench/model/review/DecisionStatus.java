package io.siftbench.model.review;

import java.util.Locale;

/** What the researcher did with a sample. An edit is an acceptance of the researcher's own version. */
public enum DecisionStatus {
    ACCEPTED,
    REJECTED,
    EDITED,
    SKIPPED;

    /** The lower-case name used in the database and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DecisionStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** Skipping puts a sample off; it is not a decision about it. */
    public boolean decided() {
        return this != SKIPPED;
    }

    /** Accepted and edited samples go into the curated set. */
    public boolean kept() {
        return this == ACCEPTED || this == EDITED;
    }
}
