package io.siftbench.model.student;

import java.util.Random;

/**
 * Whether B labels the same test items better than A: the accuracy difference B − A with a paired bootstrap
 * interval (the same resampled items for both), and McNemar's exact test on the items where exactly one of them
 * is right (two-sided binomial test at p = ½).
 *
 * @param onlyA  test items A got right and B wrong
 * @param onlyB  test items B got right and A wrong
 * @param pValue McNemar's exact two-sided p-value; 1 when they never disagree
 */
public record PairedComparison(
        int items, double accuracyA, double accuracyB, Estimate difference, int onlyA, int onlyB, double pValue) {

    /**
     * Compares two sets of answers on the same test items ({@code b} minus {@code a}).
     *
     * @throws IllegalArgumentException when the two were not scored on the same items in the same order
     */
    public static PairedComparison of(Predictions a, Predictions b, long seed) {
        int n = a.size();
        if (n != b.size()) {
            throw new IllegalArgumentException(
                    "a paired comparison needs the same test items: " + n + " and " + b.size());
        }
        boolean[] rightA = new boolean[n];
        boolean[] rightB = new boolean[n];
        int onlyA = 0;
        int onlyB = 0;
        int sumA = 0;
        int sumB = 0;
        for (int i = 0; i < n; i++) {
            if (a.test().get(i).id() != b.test().get(i).id()) {
                throw new IllegalArgumentException("a paired comparison needs the same test items in the same order: "
                        + "item " + i + " is #" + a.test().get(i).id() + " in one and #"
                        + b.test().get(i).id()
                        + " in the other");
            }
            rightA[i] = a.correct(i);
            rightB[i] = b.correct(i);
            sumA += rightA[i] ? 1 : 0;
            sumB += rightB[i] ? 1 : 0;
            if (rightA[i] && !rightB[i]) {
                onlyA++;
            } else if (rightB[i] && !rightA[i]) {
                onlyB++;
            }
        }
        double[] resampled = new double[StudentEvaluation.RESAMPLES];
        Random random = new Random(seed);
        for (int r = 0; r < resampled.length; r++) {
            int difference = 0;
            for (int i = 0; i < n; i++) {
                int pick = random.nextInt(n);
                difference += (rightB[pick] ? 1 : 0) - (rightA[pick] ? 1 : 0);
            }
            resampled[r] = difference / (double) n;
        }
        double accuracyA = sumA / (double) n;
        double accuracyB = sumB / (double) n;
        return new PairedComparison(
                n,
                accuracyA,
                accuracyB,
                StudentEvaluation.interval(accuracyB - accuracyA, resampled),
                onlyA,
                onlyB,
                mcNemarExact(onlyA, onlyB));
    }

    /**
     * McNemar's exact test: under "neither is better", each disagreement falls either way with probability ½, so
     * the p-value is twice the binomial tail of the smaller count, capped at 1. Summed in logs, so that thousands of
     * disagreements neither overflow nor underflow.
     */
    static double mcNemarExact(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int m = Math.min(b, c);
        double logHalfN = n * Math.log(0.5);
        double logChoose = 0; // log C(n, 0)
        double tail = 0;
        for (int i = 0; i <= m; i++) {
            tail += Math.exp(logChoose + logHalfN);
            logChoose += Math.log(n - i) - Math.log(i + 1);
        }
        return Math.min(1, 2 * tail);
    }

    /** Whether B is better than A at the 5% level. */
    public boolean significant() {
        return pValue < 0.05;
    }
}
