package io.siftbench.model.compare;

import java.util.List;

/** Pairwise preferences the researcher recorded in Compare; they feed the preference export. */
public interface PreferenceStore {

    /** Records that {@code chosenSampleId} is better than {@code rejectedSampleId}; commits before returning. */
    Preference prefer(long chosenSampleId, long rejectedSampleId);

    /** Every preference whose chosen or rejected sample belongs to {@code runId}, oldest first. */
    List<Preference> ofRun(long runId);

    /** One recorded preference. */
    record Preference(long id, long chosenSampleId, long rejectedSampleId) {}
}
