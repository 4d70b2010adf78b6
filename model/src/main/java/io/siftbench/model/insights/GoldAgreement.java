package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How well labels agree with the dataset's gold labels.
 *
 * <ul>
 *   <li>accuracy = (pairs where predicted = gold) / pairs;</li>
 *   <li>per label: precision, recall and F1 (see {@link LabelScore}); the labels are the union of the gold and
 *       the predicted labels, in alphabetical order (as scikit-learn does by default);</li>
 *   <li>macro-F1 = the unweighted mean of the per-label F1;</li>
 *   <li>Cohen's κ = (p_o − p_e) / (1 − p_e), with p_o the accuracy and p_e = Σ_L (gold_L / n)·(predicted_L / n);
 *       null where p_e = 1 (both sides use one and the same label throughout) and κ is undefined.</li>
 * </ul>
 * A missing predicted label counts as the label {@value #NO_LABEL}, so that it lowers the scores rather than
 * disappearing from them.
 *
 * @param pairs the number of (gold, predicted) pairs compared
 */
public record GoldAgreement(
        long pairs,
        double accuracy,
        double macroF1,
        Double cohensKappa,
        List<LabelScore> labelScores,
        ConfusionMatrix confusion) {

    public static final String NO_LABEL = "(no label)";

    public GoldAgreement {
        labelScores = List.copyOf(labelScores);
    }

    /** Compares the samples' labels with their gold labels; samples without a gold label are left out. */
    public static GoldAgreement of(List<SampleText> samples) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (SampleText sample : samples) {
            if (sample.goldLabel() != null) {
                gold.add(sample.goldLabel());
                predicted.add(sample.label() == null ? NO_LABEL : sample.label());
            }
        }
        return of(gold, predicted);
    }

    /** Compares {@code predicted.get(i)} with {@code gold.get(i)} for every i. */
    public static GoldAgreement of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "gold and predicted labels differ in number: " + gold.size() + " and " + predicted.size());
        }
        TreeSet<String> labelSet = new TreeSet<>(gold);
        labelSet.addAll(predicted);
        List<String> labels = List.copyOf(labelSet);
        int k = labels.size();
        long[][] counts = new long[k][k];
        for (int i = 0; i < gold.size(); i++) {
            counts[labels.indexOf(gold.get(i))][labels.indexOf(predicted.get(i))]++;
        }
        long n = gold.size();
        long correct = 0;
        double chance = 0;
        double f1Sum = 0;
        List<LabelScore> scores = new ArrayList<>();
        for (int l = 0; l < k; l++) {
            long truePositives = counts[l][l];
            long goldTotal = 0;
            long predictedTotal = 0;
            for (int other = 0; other < k; other++) {
                goldTotal += counts[l][other];
                predictedTotal += counts[other][l];
            }
            correct += truePositives;
            chance += (double) goldTotal / n * predictedTotal / n;
            double precision = ratio(truePositives, predictedTotal);
            double recall = ratio(truePositives, goldTotal);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            scores.add(new LabelScore(labels.get(l), precision, recall, f1, goldTotal));
        }
        double accuracy = ratio(correct, n);
        Double kappa = n == 0 || chance >= 1 ? null : (accuracy - chance) / (1 - chance);
        return new GoldAgreement(
                n, accuracy, k == 0 ? 0 : f1Sum / k, kappa, scores, new ConfusionMatrix(labels, counts));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
