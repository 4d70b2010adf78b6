package io.siftbench.model.insights;

/** Where a sample stands after review: the newest decision, or {@code PENDING} when there is none. */
public enum SampleStatus {
    ACCEPTED,
    REJECTED,
    PENDING
}
