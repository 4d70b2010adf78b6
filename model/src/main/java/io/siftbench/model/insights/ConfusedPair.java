package io.siftbench.model.insights;

/**
 * One way the labels disagree with gold: {@code count} items of gold label {@code gold} were labelled
 * {@code predicted}, which is {@code share} of all the items of {@code gold}.
 */
public record ConfusedPair(String gold, String predicted, long count, double share) {}
