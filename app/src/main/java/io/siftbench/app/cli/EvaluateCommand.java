package io.siftbench.app.cli;

import io.siftbench.app.cli.StudentInputs.Described;
import io.siftbench.app.cli.StudentInputs.Labelled;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.student.LabelledText;
import io.siftbench.model.student.PairedComparison;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.StudentEvaluation;
import io.siftbench.model.student.TrainingSamples;
import io.siftbench.model.student.UtilityReport;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench evaluate --project P (--run R [--run R2] | --train DATASET) --test DATASET}: does the data work?
 * A student trained on a run's curated samples (or on a dataset) and scored on a gold-labelled test dataset, beside
 * a few-shot baseline, the ceiling of a gold training set and a learning curve, as JSON; with two runs, both
 * students on the same test items and McNemar's paired test of the second against the first.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Train a student (logistic regression on MiniLM embeddings) on a run's accepted and edited samples",
            "or on a dataset, and score it on a gold-labelled test dataset: accuracy, macro-F1, each label's F1",
            "and the most confused pairs with 95% bootstrap intervals, a few-shot baseline, the ceiling of a gold",
            "training set and a learning curve. With two --run: both students and the paired test, as JSON."
        })
public final class EvaluateCommand implements Callable<Integer> {

    /** The few-shot baseline's gold examples per label when --baseline-k is not given. */
    static final int DEFAULT_BASELINE_K = 8;

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Training training;

    /** What the student learns from: one or two runs' samples, or a dataset's records. */
    static final class Training {
        @Option(
                names = "--run",
                required = true,
                paramLabel = "R",
                description = "The run whose samples the student learns from; a second --run compares the two.")
        List<Long> runs;

        @Option(
                names = "--train",
                required = true,
                paramLabel = "DATASET",
                description = "A dataset whose labelled records the student learns from.")
        String dataset;
    }

    @Option(
            names = "--test",
            required = true,
            paramLabel = "DATASET",
            description = "The gold-labelled dataset the student is scored on.")
    String test;

    @Option(
            names = "--text",
            paramLabel = "COL",
            description = "The test dataset's text column (default: its text role).")
    String textColumn;

    @Option(
            names = "--label",
            paramLabel = "COL",
            description = "The test dataset's label column (default: its label role).")
    String labelColumn;

    @Option(
            names = "--train-text",
            paramLabel = "COL",
            description = "The text column of --train and --gold-train (default: each one's text role).")
    String trainText;

    @Option(
            names = "--train-label",
            paramLabel = "COL",
            description = "The label column of --train and --gold-train (default: each one's label role).")
    String trainLabel;

    @Option(
            names = "--gold-train",
            paramLabel = "DATASET",
            description = "A gold-labelled training dataset: the ceiling, and where the few-shot examples are taken"
                    + " from (else from the test dataset, and left out of every score).")
    String goldTrain;

    @Option(
            names = "--baseline-k",
            paramLabel = "K",
            description = "Gold examples per label for the few-shot baseline; 0 for none (default: "
                    + DEFAULT_BASELINE_K + ").")
    Integer baselineK;

    @Option(
            names = "--all-valid",
            description = "Learn from every sample of the run that was not rejected, not only the accepted and edited.")
    boolean allValid;

    @Mixin
    SampleFieldOptions fields;

    /**
     * The report of one training set.
     *
     * @param training what the student learnt from
     * @param test     what it was scored on
     * @param goldTrain the gold training set of the ceiling; null without one
     * @param report   the student's evaluation, the baselines, the learning curve and the calibration
     */
    record Report(Described training, Described test, Described goldTrain, UtilityReport report) {}

    /**
     * Two runs' students on the same test items.
     *
     * @param verdict "run 2 is better than run 1 …", "run 1 is better than run 2 …" or "no significant difference
     *                …", at the 5% level, with the accuracies, the difference's interval and McNemar's p-value
     */
    record Comparison(Described test, Side a, Side b, PairedComparison paired, String verdict) {}

    /** One side of a comparison: what its student learnt from and how it scored. */
    record Side(Described training, StudentEvaluation evaluation) {}

    @Override
    public Integer call() {
        check();
        try (Project open = project.open()) {
            StudentInputs inputs = new StudentInputs(open, spec.commandLine());
            PrintWriter err = spec.commandLine().getErr();
            InsightsProgress progress = StudentInputs.progress(err, "evaluate");
            TrainingSamples which = allValid ? TrainingSamples.NOT_REJECTED : TrainingSamples.KEPT;
            Labelled testSet = inputs.dataset(test, textColumn, labelColumn);
            ProjectStudent student = inputs.student();
            Object printed;
            try {
                if (training.runs != null && training.runs.size() == 2) {
                    Labelled a = inputs.run(training.runs.get(0), which, fields.fields());
                    Labelled b = inputs.run(training.runs.get(1), which, fields.fields());
                    checkLabels(a, testSet);
                    checkLabels(b, testSet);
                    warnOverlap(err, a, testSet);
                    warnOverlap(err, b, testSet);
                    ProjectStudent.Comparison compared =
                            student.compare(a.items(), b.items(), testSet.items(), progress);
                    printed = new Comparison(
                            testSet.described(),
                            new Side(a.described(), compared.a()),
                            new Side(b.described(), compared.b()),
                            compared.paired(),
                            verdict(training.runs.get(0), training.runs.get(1), compared.paired()));
                } else {
                    Labelled train = training.runs != null
                            ? inputs.run(training.runs.get(0), which, fields.fields())
                            : inputs.dataset(training.dataset, trainText, trainLabel);
                    Labelled gold = goldTrain == null ? null : inputs.dataset(goldTrain, trainText, trainLabel);
                    checkLabels(train, testSet);
                    warnOverlap(err, train, testSet);
                    UtilityReport report = student.utility(
                            train.items(),
                            testSet.items(),
                            gold == null ? List.of() : gold.items(),
                            baselineK == null ? DEFAULT_BASELINE_K : baselineK,
                            progress);
                    printed = new Report(
                            train.described(), testSet.described(), gold == null ? null : gold.described(), report);
                }
            } catch (IllegalArgumentException e) {
                // A training set of a single label, or a test set the few-shot baseline leaves empty.
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            JsonOut.print(spec.commandLine().getOut(), printed);
        }
        return 0;
    }

    /** Options that cannot go together, refused before the project is opened. */
    private void check() {
        if (training.runs != null && training.runs.size() > 2) {
            throw new ParameterException(
                    spec.commandLine(), "--run compares at most two runs, was given " + training.runs.size() + ".");
        }
        boolean comparing = training.runs != null && training.runs.size() == 2;
        if (comparing && (goldTrain != null || baselineK != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--gold-train and --baseline-k belong to the report of one training set; two --run print the"
                            + " paired comparison of their students.");
        }
        if (baselineK != null && baselineK < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--baseline-k must be 0 (no baseline) or more, was " + baselineK + ".");
        }
        if (training.dataset != null && (allValid || fields.textFrom != null || fields.labelFrom != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--all-valid, --text-from and --label-from choose a run's samples; --train takes a dataset, whose"
                            + " columns are chosen with --train-text and --train-label.");
        }
        if (training.runs != null && (trainText != null || trainLabel != null) && goldTrain == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--train-text and --train-label choose the columns of --train and --gold-train; a run's values"
                            + " are chosen with --text-from and --label-from.");
        }
    }

    /** A student that knows none of the test labels scores 0 whatever the data: refused with both label sets. */
    private void checkLabels(Labelled train, Labelled testSet) {
        Set<String> trained = new TreeSet<>();
        train.items().forEach(item -> trained.add(item.label()));
        Set<String> tested = new TreeSet<>();
        testSet.items().forEach(item -> tested.add(item.label()));
        if (trained.stream().noneMatch(tested::contains)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "None of the labels the student learns (" + shortList(trained) + ") is a label of test dataset \""
                            + test + "\" (" + shortList(tested) + "); choose its label column with --label.");
        }
    }

    private static String shortList(Set<String> labels) {
        List<String> first = labels.stream().limit(5).toList();
        return String.join(", ", first) + (labels.size() > first.size() ? ", …" : "");
    }

    /**
     * A training text that is also a test text makes the scores look better than they are (an annotate run of the
     * test dataset itself): said on stderr, as the report is still what was asked for.
     */
    private static void warnOverlap(PrintWriter err, Labelled train, Labelled testSet) {
        Set<String> testTexts = new HashSet<>();
        testSet.items().forEach(item -> testTexts.add(item.text()));
        long shared = train.items().stream()
                .map(LabelledText::text)
                .filter(testTexts::contains)
                .count();
        if (shared > 0) {
            err.println(
                    "evaluate: warning: " + shared + " of the " + train.items().size()
                            + " training texts are also test texts, so the scores overstate what the student learnt");
            err.flush();
        }
    }

    /** "run 2 is better than run 1: accuracy 0.912 against 0.700, difference +0.212 [0.150, 0.275], p = 1.2e-05". */
    static String verdict(long runA, long runB, PairedComparison paired) {
        double difference = paired.difference().value();
        String figures = String.format(
                Locale.ROOT,
                "accuracy %.3f against %.3f, difference %+.3f [%+.3f, %+.3f], McNemar exact p = %.3g",
                Math.max(paired.accuracyA(), paired.accuracyB()),
                Math.min(paired.accuracyA(), paired.accuracyB()),
                Math.abs(difference),
                difference >= 0
                        ? paired.difference().low()
                        : -paired.difference().high(),
                difference >= 0
                        ? paired.difference().high()
                        : -paired.difference().low(),
                paired.pValue());
        if (paired.significant() && difference > 0) {
            return "run " + runB + " is better than run " + runA + ": " + figures;
        }
        if (paired.significant() && difference < 0) {
            return "run " + runA + " is better than run " + runB + ": " + figures;
        }
        return String.format(
                Locale.ROOT,
                "no significant difference between run %d and run %d at the 5%% level: accuracy %.3f and %.3f,"
                        + " McNemar exact p = %.3g",
                runA,
                runB,
                paired.accuracyA(),
                paired.accuracyB(),
                paired.pValue());
    }
}
