package io.siftbench.model.student;

import java.util.Comparator;
import java.util.List;

/**
 * Where the next round of generation should go (S3, Wang et al. 2023): the labels with the lowest F1 on the test
 * items, each weighted by its error 1 − F1 so that the worst gets the most new samples.
 */
public final class WeakestLabels {

    /** A label to generate more of, with its share of the new samples (the shares sum to 1). */
    public record Target(String label, double f1, double weight) {}

    private WeakestLabels() {}

    /**
     * The {@code k} labels of the test set with the lowest F1 (ties in alphabetical order), weighted by 1 − F1;
     * labels with F1 = 1 are left out, as there is nothing to close.
     */
    public static List<Target> of(StudentEvaluation evaluation, int k) {
        List<StudentEvaluation.LabelF1> weakest = evaluation.labels().stream()
                .filter(l -> l.support() > 0 && l.f1().value() < 1)
                .sorted(Comparator.comparingDouble((StudentEvaluation.LabelF1 l) -> l.f1().value())
                        .thenComparing(StudentEvaluation.LabelF1::label))
                .limit(k)
                .toList();
        double error = weakest.stream().mapToDouble(l -> 1 - l.f1().value()).sum();
        return weakest.stream()
                .map(l -> new Target(l.label(), l.f1().value(), (1 - l.f1().value()) / error))
                .toList();
    }
}
