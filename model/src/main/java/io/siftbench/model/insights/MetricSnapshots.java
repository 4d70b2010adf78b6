package io.siftbench.model.insights;

import java.util.Optional;

/**
 * The metrics already computed for a run, kept in the project so that opening Insights again (or running
 * {@code metrics} again) costs nothing while the run's samples and decisions are unchanged.
 */
public interface MetricSnapshots {

    /** The metrics JSON stored for {@code runId} and {@code scope} at exactly {@code sampleSetVersion}. */
    Optional<String> find(long runId, String scope, long sampleSetVersion);

    /**
     * The metrics JSON stored for {@code runId} and {@code scope} at whatever version it was computed (there is at
     * most one, see {@link #save}): what is still true of results that hold sample by sample, such as label doubts.
     */
    Optional<String> latest(long runId, String scope);

    /** Stores the metrics JSON; older versions of the same run and scope are dropped, as nothing reads them. */
    void save(long runId, String scope, long sampleSetVersion, String metrics);
}
