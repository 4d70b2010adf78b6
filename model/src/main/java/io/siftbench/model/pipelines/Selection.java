package io.siftbench.model.pipelines;

import java.util.Locale;
import java.util.Optional;

/** Which samples of an earlier step a step continues. */
public enum Selection {
    /** Every answered sample whose output passed validation. */
    ALL_VALID,
    /** Only those the researcher accepted (or edited) in Review. */
    ACCEPTED,
    /**
     * The valid ones that no curation filter flags, at the thresholds Review starts with, and that the researcher
     * has not rejected.
     */
    PASSING_FILTERS;

    /** The word of the pipeline file: {@code all-valid}, {@code accepted}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Selection> fromId(String id) {
        for (Selection s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
