package io.siftbench.model.curation;

/** A curation filter's finding about one sample, with a reason the researcher can read and check. */
public record Flag(long sampleId, FlagKind kind, String reason) {}
