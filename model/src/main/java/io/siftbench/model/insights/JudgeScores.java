package io.siftbench.model.insights;

import io.siftbench.model.prompts.JudgeScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an LLM-as-judge said about a set of samples: how many it judged, their mean score, how many reached the
 * judge's pass mark, and how the scores spread over its scale.
 *
 * <p>The bars: for a pass/fail judge, "fail" and "pass"; for a scale from a whole min to a whole max 2 to 20 apart
 * (1–5, 0–10), one bar per whole score k, holding the scores in [k − ½, k + ½) (a score is rounded half up); for
 * any other scale (0–1, 1–2.5), 10 equal bins from min to max, the last one closed.
 *
 * @param judgeRuns    the judge runs whose verdicts count
 * @param scale        their scale
 * @param samples      the samples measured
 * @param judged       how many of them have a verdict
 * @param mean         the mean score of the judged samples; null when none is judged
 * @param passMark     the scale's pass mark ({@link JudgeScale#passMark()})
 * @param passing      the judged samples scored at or above the pass mark
 * @param passingShare {@code passing / judged}; null when none is judged
 * @param bars         the number of judged samples per score, lowest score first
 */
public record JudgeScores(
        List<Long> judgeRuns,
        JudgeScale scale,
        int samples,
        int judged,
        Double mean,
        double passMark,
        int passing,
        Double passingShare,
        List<ScoreCount> bars) {

    private static final int MOST_WHOLE_SCORES = 21;
    private static final int BINS = 10;

    public JudgeScores {
        judgeRuns = List.copyOf(judgeRuns);
        bars = List.copyOf(bars);
    }

    /**
     * The scores of {@code samples}, the measured samples with the judges' verdicts set
     * ({@link SampleText#judgeScore()}, null where there is none).
     */
    public static JudgeScores of(List<Long> judgeRuns, JudgeScale scale, List<SampleText> samples) {
        double[] scores = samples.stream()
                .filter(s -> s.judgeScore() != null)
                .mapToDouble(SampleText::judgeScore)
                .toArray();
        double sum = 0;
        int passing = 0;
        for (double score : scores) {
            sum += score;
            passing += score >= scale.passMark() ? 1 : 0;
        }
        int judged = scores.length;
        return new JudgeScores(
                judgeRuns,
                scale,
                samples.size(),
                judged,
                judged == 0 ? null : sum / judged,
                scale.passMark(),
                passing,
                judged == 0 ? null : (double) passing / judged,
                bars(scale, scores));
    }

    private static List<ScoreCount> bars(JudgeScale scale, double[] scores) {
        double low = scale.lowest();
        double high = scale.highest();
        boolean passFail = scale.kind() == JudgeScale.Kind.PASS_FAIL;
        boolean whole = passFail
                || low == Math.rint(low)
                        && high == Math.rint(high)
                        && high - low >= 2
                        && high - low < MOST_WHOLE_SCORES;
        HistogramAxis axis = whole
                ? new HistogramAxis(low - 0.5, 1, (int) (high - low) + 1)
                : new HistogramAxis(low, (high - low) / BINS, BINS);
        long[] counts = axis.count(scores).counts();
        List<ScoreCount> bars = new ArrayList<>(counts.length);
        for (int bin = 0; bin < counts.length; bin++) {
            String name;
            if (passFail) {
                name = bin == 0 ? "fail" : "pass";
            } else if (whole) {
                name = String.valueOf((long) low + bin);
            } else {
                double from = axis.start() + bin * axis.width();
                name = String.format(Locale.ROOT, "%.2f–%.2f", from, from + axis.width());
            }
            bars.add(new ScoreCount(name, counts[bin]));
        }
        return bars;
    }
}
