package io.siftbench.model.insights;

/** One bar of the judge scores: the score (or range of scores, or "pass" / "fail") and how many samples got it. */
public record ScoreCount(String score, long count) {}
