package io.siftbench.model.insights;

/** One n-gram (its tokens joined by single spaces) and how often it occurs over the whole set. */
public record NGramCount(String ngram, long count) {}
