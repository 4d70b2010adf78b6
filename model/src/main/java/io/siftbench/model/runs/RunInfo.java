package io.siftbench.model.runs;

import java.time.Instant;

/** A run as listed: its configuration, where it stands and how many samples (and failures) it has. */
public record RunInfo(long id, String promptName, int promptVersion, RunConfig config, RunStatus status,
                      long samples, long failures, Instant createdAt, Instant finishedAt) {
}
