package io.siftbench.model.student;

import java.util.List;

/**
 * Whether a curated set is worth training on: a student trained on it and scored on real test items, beside the
 * same student trained on a few real gold examples per label (the few-shot baseline) and on a gold training set
 * (the ceiling), with a learning curve over the set and the student's calibration.
 *
 * @param student          the student trained on the whole set
 * @param fewShot          trained on {@code fewShotPerLabel} gold examples per label; null when not asked for
 * @param fewShotPerLabel  k of the few-shot baseline (0 when none)
 * @param fewShotFromTest  true when the few-shot examples were taken from the test dataset (no gold training set
 *                         was given); they are then left out of every evaluation here, so all figures stay paired
 * @param ceiling          trained on the whole gold training set; null when none was given
 * @param curve            25%, 50% and 100% of the set (seeded), the last being {@code student}
 * @param reliability      the student's confidence against its accuracy on the test items
 * @param versusFewShot    the paired test of the student against the few-shot baseline; null without one
 */
public record UtilityReport(
        StudentEvaluation student,
        StudentEvaluation fewShot,
        int fewShotPerLabel,
        boolean fewShotFromTest,
        StudentEvaluation ceiling,
        List<CurvePoint> curve,
        Reliability reliability,
        PairedComparison versusFewShot) {

    /** The fractions of the set the learning curve trains on. */
    public static final List<Double> CURVE = List.of(0.25, 0.5, 1.0);

    /** One point of the learning curve. */
    public record CurvePoint(double fraction, int samples, Estimate accuracy, Estimate macroF1) {}

    public UtilityReport {
        curve = List.copyOf(curve);
    }
}
