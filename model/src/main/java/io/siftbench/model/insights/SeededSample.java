package io.siftbench.model.insights;

import java.util.List;
import java.util.Locale;

/**
 * The seeded uniform sample some metrics of a large run were measured on, as the report states it: a run of more
 * samples than {@link RunSamples#SAMPLE_SIZE} is measured on that many drawn with the run's seed, except for the
 * figures counted exactly while every sample was read.
 *
 * @param of      how many samples the slice and status selection hold: what the sample was drawn from
 * @param size    how many were drawn and measured
 * @param seed    the seed of the draw (the run's), so that the same run gives the same sample
 * @param metrics the metrics measured on the sample; every other figure counts every sample
 */
public record SeededSample(long of, int size, long seed, List<String> metrics) {

    /** The metrics measured on the sample: everything but the exact counts. */
    public static final List<String> SAMPLED_METRICS = List.of(
            "distinct-n",
            "vocabulary",
            "top n-grams",
            "self-BLEU",
            "lengths",
            "condition coverage",
            "embedding similarity",
            "embedding map",
            "agreement with gold labels",
            "calibration",
            "judge scores");

    public SeededSample {
        metrics = List.copyOf(metrics);
    }

    /** "on a seeded sample of 10,000 of 1,000,000 samples", as the screen says it beside the sampled charts. */
    public String describe() {
        return String.format(Locale.ROOT, "on a seeded sample of %,d of %,d samples", size, of);
    }
}
