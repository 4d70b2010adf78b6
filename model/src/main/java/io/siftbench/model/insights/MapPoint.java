package io.siftbench.model.insights;

/** One sample on the 2-D embedding map. */
public record MapPoint(long sampleId, double x, double y) {}
