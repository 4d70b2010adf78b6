package io.siftbench.model.insights;

/**
 * distinct-n over a whole set: {@code unique / total}, where {@code total} counts every n-gram occurrence in
 * every sample and {@code unique} counts the different n-grams among them; 0 when the set has no n-gram.
 */
public record DistinctN(int n, long unique, long total, double value) {}
