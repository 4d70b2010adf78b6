package io.siftbench.model.runs;

import java.util.Locale;

/**
 * Where a run stands. A run found {@code RUNNING} when its project is opened was killed: nobody runs it, so it
 * is marked {@code INTERRUPTED}. Any run can be resumed: a resume sends the slots that have no sample and
 * those whose request failed.
 */
public enum RunStatus {
    RUNNING,
    CANCELLED,
    FAILED,
    COMPLETED,
    INTERRUPTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
