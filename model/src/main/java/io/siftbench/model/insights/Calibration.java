package io.siftbench.model.insights;

import io.siftbench.model.student.Reliability;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the model's confidence (its stated confidence, or the agreement of its self-consistency votes) can be
 * believed: the samples with a gold label and a confidence binned by confidence, each bin's mean confidence against
 * how often the model's label was the gold one, and the expected calibration error (see {@link Reliability}).
 *
 * @param items the samples counted: those with a gold label and a confidence in [0, 1] (a confidence the model
 *              stated outside it, "85", is no probability and is left out)
 * @param ece   the expected calibration error, 0 when the confidence is exactly as often right as it says
 * @param bins  equal-width confidence bins, empty ones included
 */
public record Calibration(int items, double ece, List<Reliability.Bin> bins) {

    public Calibration {
        bins = List.copyOf(bins);
    }

    /** The calibration of the samples' labels against their gold labels; null when no sample has both. */
    public static Calibration of(List<SampleText> samples) {
        List<Double> confidence = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        for (SampleText sample : samples) {
            Double c = sample.confidence();
            if (sample.goldLabel() != null && c != null && c >= 0 && c <= 1) {
                confidence.add(c);
                correct.add(sample.goldLabel().equals(sample.label()));
            }
        }
        if (confidence.isEmpty()) {
            return null;
        }
        Reliability reliability = Reliability.of(confidence, correct, Reliability.DEFAULT_BINS);
        return new Calibration(reliability.items(), reliability.expectedCalibrationError(), reliability.bins());
    }
}
