package io.siftbench.model.runs;

import java.util.List;
import java.util.Optional;

/** The runs of one project. */
public interface RunStore {

    /** Stores a new run, status running, and returns its id. */
    long create(RunConfig config);

    Optional<RunInfo> find(long runId);

    /** Every run, newest first. */
    List<RunInfo> list();

    void setStatus(long runId, RunStatus status);
}
