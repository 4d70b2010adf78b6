package io.siftbench.model.export;

import java.util.Locale;

/** Where a record goes. {@code ALL} when the export is not split; {@code REJECTED} for the negatives file. */
public enum Split {
    ALL,
    TRAIN,
    VALIDATION,
    TEST,
    REJECTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
