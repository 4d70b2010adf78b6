package io.siftbench.model.pipelines;

import java.time.Instant;

/** A pipeline run: the pipeline version it runs and what it was asked with; its steps are runs of their own. */
public record PipelineRun(long id, StoredPipeline pipeline, PipelineSettings settings, Instant createdAt) {}
