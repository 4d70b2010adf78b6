package io.siftbench.model.curation;

/** A later member of a duplicate group and how similar it is to the group's kept (earliest) member. */
public record DuplicateMember(long sampleId, double similarity) {}
