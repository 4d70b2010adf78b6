package io.siftbench.model.student;

import java.util.ArrayList;
import java.util.List;

/**
 * How well stated confidence matches how often the label is right: the items in equal-width confidence bins, each
 * bin's mean confidence against its accuracy (the reliability diagram), and the expected calibration error
 * ECE = Σ_b (n_b / n) · |accuracy_b − confidence_b| (Guo et al., 2017).
 */
public record Reliability(int items, double expectedCalibrationError, List<Bin> bins) {

    public static final int DEFAULT_BINS = 10;

    /** Items with confidence in [from, to) (the last bin includes 1). */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {}

    public Reliability {
        bins = List.copyOf(bins);
    }

    /**
     * @param confidence each item's confidence in [0, 1]
     * @param correct    whether each item's label was right
     * @throws IllegalArgumentException when the lists differ in length or a confidence is outside [0, 1]
     */
    public static Reliability of(List<Double> confidence, List<Boolean> correct, int binCount) {
        if (confidence.size() != correct.size()) {
            throw new IllegalArgumentException(
                    confidence.size() + " confidences but " + correct.size() + " right-or-wrong answers");
        }
        int[] count = new int[binCount];
        double[] confidenceSum = new double[binCount];
        int[] right = new int[binCount];
        for (int i = 0; i < confidence.size(); i++) {
            double c = confidence.get(i);
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("confidence " + c + " of item " + i + " is not in [0, 1]");
            }
            int b = Math.min(binCount - 1, (int) (c * binCount));
            count[b]++;
            confidenceSum[b] += c;
            right[b] += correct.get(i) ? 1 : 0;
        }
        int n = confidence.size();
        double ece = 0;
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < binCount; b++) {
            double meanConfidence = count[b] == 0 ? 0 : confidenceSum[b] / count[b];
            double accuracy = count[b] == 0 ? 0 : right[b] / (double) count[b];
            if (count[b] > 0) {
                ece += count[b] / (double) n * Math.abs(accuracy - meanConfidence);
            }
            bins.add(new Bin(b / (double) binCount, (b + 1) / (double) binCount, count[b], meanConfidence, accuracy));
        }
        return new Reliability(n, ece, bins);
    }

    /** The student's own calibration on test items: its confidence in each answer against being right. */
    public static Reliability of(Predictions predictions) {
        List<Boolean> correct = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            correct.add(predictions.correct(i));
        }
        return of(predictions.confidence(), correct, DEFAULT_BINS);
    }
}
