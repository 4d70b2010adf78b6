package io.siftbench.model.pipelines;

/**
 * What a step's {@code "prefer"} says: each of its samples is preferred over its chain's sample of the earlier step
 * {@code over} (a refined text over its draft), recorded as a preference pair when the step completes, so that the
 * preference export has pairs no one had to compare.
 *
 * @param over the name of an earlier step of the step's chain that synthesizes
 */
public record StepPreference(String over) {}
