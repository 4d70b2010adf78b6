package io.siftbench.model.insights;

/**
 * The pairwise cosine similarity of the samples' embeddings.
 *
 * @param mean      the mean cosine over the pairs; null when fewer than two samples have an embedding
 * @param pairs     how many pairs were compared
 * @param sampled   true when there were too many pairs and a seeded random subset of pairs was compared
 * @param histogram the cosines in bins of 0.05 from −1 to 1
 */
public record SimilarityDistribution(Double mean, long pairs, boolean sampled, Histogram histogram) {}
