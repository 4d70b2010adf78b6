package io.siftbench.model.compare;

import java.util.List;
import java.util.Locale;

/**
 * Pairwise preferences: those the researcher recorded in Compare and those a pipeline step made (its sample over
 * the sample of an earlier step of its chain, {@code "prefer"} in the pipeline file); they feed the preference
 * export.
 */
public interface PreferenceStore {

    /** Records that {@code chosenSampleId} is better than {@code rejectedSampleId}; commits before returning. */
    Preference prefer(long chosenSampleId, long rejectedSampleId);

    /**
     * Records pairs a pipeline step made, all in one transaction. A pair recorded from a pipeline before is not
     * recorded again, so that a step whose pairs are recorded again (a resume after a kill) doubles none.
     *
     * @return how many of {@code pairs} were new
     */
    int preferFromPipeline(List<Pair> pairs);

    /** Every preference whose chosen or rejected sample belongs to {@code runId}, oldest first. */
    List<Preference> ofRun(long runId);

    /** Where a preference comes from. */
    enum Origin {
        /** The researcher's "Prefer this one" in Compare: both samples answer the same row. */
        COMPARE,
        /** A pipeline step: its sample (a refined text) over its chain's sample of an earlier step (the draft). */
        PIPELINE;

        /** The word stored and exported: {@code compare}, {@code pipeline}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Origin fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** A pair to record: {@code chosenSampleId} is better than {@code rejectedSampleId}. */
    record Pair(long chosenSampleId, long rejectedSampleId) {}

    /** One recorded preference. */
    record Preference(long id, long chosenSampleId, long rejectedSampleId, Origin origin) {}
}
