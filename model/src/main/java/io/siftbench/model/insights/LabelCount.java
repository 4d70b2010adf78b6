package io.siftbench.model.insights;

/** How many samples carry one label, and their share of the labelled samples. */
public record LabelCount(String label, long count, double share) {}
