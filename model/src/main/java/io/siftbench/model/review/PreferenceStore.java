package io.siftbench.model.review;

import java.util.List;

/**
 * Pairwise preferences recorded in Compare: of two samples answering the same input, the researcher chose
 * one over the other. They become preference pairs (chosen / rejected) on export.
 */
public interface PreferenceStore {

    /** Records that {@code chosenSampleId} was preferred to {@code rejectedSampleId}; commits at once. */
    Preference record(long chosenSampleId, long rejectedSampleId);

    /** The preferences whose chosen or rejected sample belongs to {@code runId}, oldest first. */
    List<Preference> ofRun(long runId);

    /** One recorded preference. */
    record Preference(long id, long chosenSampleId, long rejectedSampleId) {
    }
}
