package io.siftbench.model.export;

import io.siftbench.model.review.Decision;
import java.util.Arrays;
import java.util.Locale;

/** Which samples an export takes by their decision. */
public enum ExportStatus {
    /** The curated set: accepted and edited samples. */
    ACCEPTED,
    /** Every sample, decided or not, for inspection. */
    ALL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExportStatus fromId(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("'" + id + "' is not an export status; accepted or all"));
    }

    public boolean takes(Decision decision) {
        return this == ALL || decision != null && decision.status().kept();
    }
}
