package io.siftbench.model.insights;

/**
 * A self-BLEU result.
 *
 * @param value      the mean sentence BLEU-4 of the scored samples; null when fewer than two samples were given
 * @param population how many samples the set held
 * @param scored     how many samples were scored (each against all the other scored ones)
 * @param sampled    true when the set was larger than the exact limit and a seeded random subset was scored
 */
public record SelfBleuScore(Double value, int population, int scored, boolean sampled) {}
