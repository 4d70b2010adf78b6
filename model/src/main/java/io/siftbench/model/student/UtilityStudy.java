package io.siftbench.model.student;

import io.siftbench.model.insights.InsightsProgress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/** Trains the students a {@link UtilityReport} compares and scores them on the same test items. */
public final class UtilityStudy {

    private final StudentSettings settings;

    public UtilityStudy(StudentSettings settings) {
        this.settings = settings;
    }

    /** What a student trained on {@code train} answers on {@code test}. */
    public Predictions predict(EmbeddedTexts train, EmbeddedTexts test) {
        return Predictions.of(train.train(new StudentTrainer(settings)), test);
    }

    /** Scores answers on the test items, with bootstrap intervals. */
    public StudentEvaluation evaluate(Predictions predictions, int trainedOn) {
        return StudentEvaluation.of(predictions, trainedOn, settings.seed());
    }

    /** The paired test of {@code b} against {@code a} on the same test items. */
    public PairedComparison compare(Predictions a, Predictions b) {
        return PairedComparison.of(a, b, settings.seed());
    }

    /**
     * The full report. Progress counts the students trained; an interrupted thread stops between them with a
     * {@link CancellationException}.
     *
     * @param goldTrain       a gold-labelled training set for the ceiling (and the few-shot examples); may be null
     * @param fewShotPerLabel k gold examples per label for the few-shot baseline; 0 for none
     */
    public UtilityReport report(
            EmbeddedTexts train,
            EmbeddedTexts test,
            EmbeddedTexts goldTrain,
            int fewShotPerLabel,
            InsightsProgress progress) {
        if (test.size() == 0) {
            throw new IllegalArgumentException("the test set has no labelled items to score the student on");
        }
        EmbeddedTexts fewShotSet = null;
        boolean fromTest = false;
        if (fewShotPerLabel > 0) {
            if (goldTrain != null) {
                fewShotSet = goldTrain.perLabel(fewShotPerLabel, settings.seed());
            } else {
                fewShotSet = test.perLabel(fewShotPerLabel, settings.seed());
                test = without(test, fewShotSet);
                fromTest = true;
                if (test.size() == 0) {
                    throw new IllegalArgumentException("Taking " + fewShotPerLabel
                            + " few-shot examples per label from the test set leaves no test item to score on: "
                            + "choose a gold training set for them, or a smaller k.");
                }
            }
        }
        int total = UtilityReport.CURVE.size() + (fewShotSet != null ? 1 : 0) + (goldTrain != null ? 1 : 0);
        int done = 0;
        List<UtilityReport.CurvePoint> curve = new ArrayList<>();
        StudentEvaluation student = null;
        Predictions studentPredictions = null;
        for (double fraction : UtilityReport.CURVE) {
            progress.update(done++, total, "training on " + Math.round(fraction * 100) + "% of the set");
            EmbeddedTexts part = fraction >= 1 ? train : train.sample(fraction, settings.seed());
            Predictions predictions = predictOrSkip(part, test);
            if (predictions == null) {
                continue;
            }
            StudentEvaluation evaluation = evaluate(predictions, part.size());
            curve.add(new UtilityReport.CurvePoint(fraction, part.size(), evaluation.accuracy(), evaluation.macroF1()));
            if (fraction >= 1) {
                student = evaluation;
                studentPredictions = predictions;
            }
        }
        if (student == null) {
            throw new IllegalArgumentException("the student needs samples of at least two labels to learn from");
        }
        StudentEvaluation fewShot = null;
        PairedComparison versusFewShot = null;
        if (fewShotSet != null) {
            progress.update(done++, total, "training on " + fewShotPerLabel + " gold examples per label");
            Predictions predictions = predict(fewShotSet, test);
            fewShot = evaluate(predictions, fewShotSet.size());
            versusFewShot = compare(predictions, studentPredictions);
        }
        StudentEvaluation ceiling = null;
        if (goldTrain != null) {
            progress.update(done++, total, "training on the gold training set");
            ceiling = evaluate(predict(goldTrain, test), goldTrain.size());
        }
        progress.update(total, total, "done");
        return new UtilityReport(
                student,
                fewShot,
                fewShotSet == null ? 0 : fewShotPerLabel,
                fromTest,
                ceiling,
                curve,
                Reliability.of(studentPredictions),
                versusFewShot);
    }

    /** Answers of a student trained on {@code part}; null when a small sample of the set has a single label. */
    private Predictions predictOrSkip(EmbeddedTexts part, EmbeddedTexts test) {
        if (new HashSet<>(part.labels()).size() < 2) {
            return null;
        }
        return predict(part, test);
    }

    private static EmbeddedTexts without(EmbeddedTexts all, EmbeddedTexts some) {
        Set<Long> taken = new HashSet<>();
        some.items().forEach(item -> taken.add(item.id()));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!taken.contains(all.items().get(i).id())) {
                kept.add(i);
            }
        }
        return all.pick(kept);
    }
}
