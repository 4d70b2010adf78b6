package io.siftbench.model.insights;

import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import java.util.Locale;

/**
 * Where a sample stands after review: its newest decision, or {@code UNDECIDED} when there is none (or it was
 * skipped, which is no decision about it).
 */
public enum SampleStatus {
    ACCEPTED,
    EDITED,
    REJECTED,
    UNDECIDED;

    /**
     * The word a researcher sees in legends, tables and files: the same as Review's ({@link DecisionStatus#id()},
     * {@value ReviewItem#UNDECIDED}).
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepted and edited samples go into the curated set: an edit is an acceptance of the researcher's version. */
    public boolean kept() {
        return this == ACCEPTED || this == EDITED;
    }
}
