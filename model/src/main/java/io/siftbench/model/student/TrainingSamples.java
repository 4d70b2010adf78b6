package io.siftbench.model.student;

/** Which of a run's samples the student learns from. */
public enum TrainingSamples {
    /** The accepted and edited samples, with their final labels: the curated set. */
    KEPT,
    /** Every sample with a text and a label that was not rejected: what label doubts look at. */
    NOT_REJECTED;

    public String title() {
        return this == KEPT ? "accepted and edited samples" : "samples not rejected";
    }
}
