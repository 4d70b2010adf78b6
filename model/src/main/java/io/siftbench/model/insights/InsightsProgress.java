package io.siftbench.model.insights;

/** Told which step the computation has reached, so a screen can show progress. */
@FunctionalInterface
public interface InsightsProgress {

    InsightsProgress NONE = (done, total, step) -> {};

    /** {@code done} of {@code total} steps are finished; {@code step} names the one starting now. */
    void update(int done, int total, String step);
}
