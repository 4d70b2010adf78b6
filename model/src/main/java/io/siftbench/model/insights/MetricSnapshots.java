package io.siftbench.model.insights;

import java.util.Optional;

/**
 * The metrics already computed for a run, kept in the project so that opening Insights again (or running
 * {@code metrics} again) costs nothing while the run's samples and decisions are unchanged.
 */
public interface MetricSnapshots {

    /** The metrics JSON stored for {@code runId} and {@code scope} at exactly {@code sampleSetVersion}. */
    Optional<String> find(long runId, String scope, long sampleSetVersion);

    /** Stores the metrics JSON; older versions of the same run and scope are dropped, as nothing reads them. */
    void save(long runId, String scope, long sampleSetVersion, String metrics);
}
