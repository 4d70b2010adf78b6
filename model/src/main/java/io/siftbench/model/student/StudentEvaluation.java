package io.siftbench.model.student;

import io.siftbench.model.insights.ConfusedPair;
import io.siftbench.model.insights.ConfusionMatrix;
import io.siftbench.model.insights.GoldAgreement;
import io.siftbench.model.insights.LabelScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How well a student does on real test items: accuracy, macro-F1, each label's F1, and the pairs it confuses most,
 * each with a 95% bootstrap interval over the test items. The point figures are {@link GoldAgreement}'s.
 *
 * @param items     the test items scored
 * @param trainedOn the samples the student learnt from
 */
public record StudentEvaluation(
        int items,
        int trainedOn,
        Estimate accuracy,
        Estimate macroF1,
        List<LabelF1> labels,
        List<PairCount> mostConfused) {

    /** Resamples of the test items behind each interval. */
    public static final int RESAMPLES = 1000;

    /** The most confused pairs a report lists. */
    public static final int CONFUSED_PAIRS = 5;

    /** One label's F1 on the test items, and how many test items had it as their gold label. */
    public record LabelF1(String label, Estimate f1, long support) {}

    /** {@code count} test items of gold label {@code gold} that the student called {@code predicted}. */
    public record PairCount(String gold, String predicted, long count, Estimate interval) {}

    public StudentEvaluation {
        labels = List.copyOf(labels);
        mostConfused = List.copyOf(mostConfused);
    }

    /** Scores {@code predictions}, the intervals from {@value #RESAMPLES} resamples drawn with {@code seed}. */
    public static StudentEvaluation of(Predictions predictions, int trainedOn, long seed) {
        List<String> gold = predictions.gold();
        List<String> predicted = predictions.predicted();
        GoldAgreement point = GoldAgreement.of(gold, predicted);
        List<ConfusedPair> pairs = point.confusion().mostConfused(CONFUSED_PAIRS);
        List<LabelScore> scores = point.labelScores();
        int n = gold.size();
        double[][] resampled = new double[2 + scores.size() + pairs.size()][RESAMPLES];
        Random random = new Random(seed);
        List<String> g = new ArrayList<>(n);
        List<String> p = new ArrayList<>(n);
        for (int r = 0; r < RESAMPLES; r++) {
            g.clear();
            p.clear();
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                g.add(gold.get(pick));
                p.add(predicted.get(pick));
            }
            GoldAgreement again = GoldAgreement.of(g, p);
            resampled[0][r] = again.accuracy();
            resampled[1][r] = again.macroF1();
            List<LabelScore> againScores = again.labelScores();
            for (int s = 0; s < scores.size(); s++) {
                resampled[2 + s][r] = f1Of(againScores, scores.get(s).label());
            }
            for (int q = 0; q < pairs.size(); q++) {
                ConfusedPair pair = pairs.get(q);
                resampled[2 + scores.size() + q][r] = pairCount(again.confusion(), pair);
            }
        }
        List<LabelF1> labels = new ArrayList<>();
        for (int s = 0; s < scores.size(); s++) {
            LabelScore score = scores.get(s);
            labels.add(new LabelF1(score.label(), interval(score.f1(), resampled[2 + s]), score.support()));
        }
        List<PairCount> confused = new ArrayList<>();
        for (int q = 0; q < pairs.size(); q++) {
            ConfusedPair pair = pairs.get(q);
            confused.add(new PairCount(
                    pair.gold(),
                    pair.predicted(),
                    pair.count(),
                    interval(pair.count(), resampled[2 + scores.size() + q])));
        }
        return new StudentEvaluation(
                n,
                trainedOn,
                interval(point.accuracy(), resampled[0]),
                interval(point.macroF1(), resampled[1]),
                labels,
                confused);
    }

    /**
     * How often a resample has the pair: 0 where it has no item of either label, as its confusion then has no row
     * or column for it (on a small test set a label's few items are often all left out of a resample).
     */
    private static long pairCount(ConfusionMatrix confusion, ConfusedPair pair) {
        List<String> labels = confusion.labels();
        return labels.contains(pair.gold()) && labels.contains(pair.predicted())
                ? confusion.count(pair.gold(), pair.predicted())
                : 0;
    }

    /** A label's F1 in a resample; NaN (left out of the interval) where the resample has no item of it. */
    private static double f1Of(List<LabelScore> scores, String label) {
        for (LabelScore score : scores) {
            if (score.label().equals(label)) {
                return score.f1();
            }
        }
        return Double.NaN;
    }

    /** {@code value} with the 2.5th and 97.5th percentiles of {@code resamples}, NaN left out (sorted in place). */
    static Estimate interval(double value, double[] resamples) {
        Arrays.sort(resamples);
        int defined = resamples.length;
        while (defined > 0 && Double.isNaN(resamples[defined - 1])) {
            defined--;
        }
        if (defined == 0) {
            return new Estimate(value, value, value);
        }
        double[] sorted = Arrays.copyOf(resamples, defined);
        return new Estimate(value, percentile(sorted, 0.025), percentile(sorted, 0.975));
    }

    static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The F1 of {@code label}, or empty where no test item or prediction had it. */
    public java.util.Optional<LabelF1> label(String label) {
        return labels.stream().filter(l -> l.label().equals(label)).findFirst();
    }
}
