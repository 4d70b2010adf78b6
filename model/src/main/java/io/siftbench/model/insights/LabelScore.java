package io.siftbench.model.insights;

/**
 * Precision, recall and F1 of one label: precision = tp / (tp + fp), recall = tp / (tp + fn),
 * F1 = 2·P·R / (P + R); each is 0 where its denominator is 0. {@code support} is how many gold labels it has.
 */
public record LabelScore(String label, double precision, double recall, double f1, long support) {}
