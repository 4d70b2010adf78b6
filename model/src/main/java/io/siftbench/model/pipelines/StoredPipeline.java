package io.siftbench.model.pipelines;

import java.time.Instant;

/** A saved pipeline version as listed: its id, name, version number and the pipeline itself, prompts pinned. */
public record StoredPipeline(long id, String name, int version, Instant createdAt, Pipeline pipeline) {}
