package io.siftbench.app.cli;

import io.siftbench.app.cli.StudentInputs.Described;
import io.siftbench.app.cli.StudentInputs.Labelled;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.LabelDoubts;
import io.siftbench.model.student.LabelledText;
import io.siftbench.model.student.TrainingSamples;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench doubts --project P (--run R | --dataset D [--text COL --label COL]) [--all]}: the labels a
 * student doubts, each judged by a student trained on the other folds (k-fold confident learning), most doubtful
 * first, as JSON. A run's doubts are kept in the project (as Review reads them) until a sample, text or label
 * changes; a dataset's are computed each time, and find likely errors in human labels too.
 */
@Command(
        name = "doubts",
        mixinStandardHelpOptions = true,
        description = {
            "Print the samples of a run, or the records of a labelled dataset, whose label a student doubts:",
            "judged by a student that never saw them (" + LabelDoubts.DEFAULT_FOLDS + "-fold), each with the label the"
                    + " student suggests",
            "and both probabilities, most doubtful first, as JSON."
        })
public final class DoubtsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Judged judged;

    /** What is judged: a run's samples not rejected, or a dataset's records. */
    static final class Judged {
        @Option(
                names = "--run",
                required = true,
                paramLabel = "R",
                description = "The run whose samples not rejected are judged.")
        Long run;

        @Option(
                names = "--dataset",
                required = true,
                paramLabel = "D",
                description = "The dataset whose labelled records are judged.")
        String dataset;
    }

    @Option(names = "--text", paramLabel = "COL", description = "The dataset's text column (default: its text role).")
    String textColumn;

    @Option(
            names = "--label",
            paramLabel = "COL",
            description = "The dataset's label column (default: its label role).")
    String labelColumn;

    @Mixin
    SampleFieldOptions fields;

    @Option(names = "--all", description = "List every verdict, not only the doubted ones.")
    boolean all;

    /**
     * One verdict as printed: the sample's (or record's) id and text, the label it carries with the probability a
     * student that never saw it gives that label, and the label that student finds most likely.
     *
     * @param reason "student suggests X (0.81) over Y (0.06)" where the label is doubted, else null
     */
    record Verdict(
            long id,
            String text,
            String label,
            double labelProbability,
            String suggested,
            double suggestedProbability,
            boolean doubted,
            String reason) {}

    /** How many were judged and doubted, by how many folds. */
    record Summary(int judged, long doubted, int folds) {}

    /** What is printed. */
    record Printed(Described judged, Summary summary, List<Verdict> doubts) {}

    @Override
    public Integer call() {
        if (judged.run != null && (textColumn != null || labelColumn != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--text and --label choose a dataset's columns; a run's are chosen with --text-from and"
                            + " --label-from.");
        }
        if (judged.dataset != null && (fields.textFrom != null || fields.labelFrom != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--text-from and --label-from choose a run's values; a dataset's columns are chosen with --text"
                            + " and --label.");
        }
        try (Project open = project.open()) {
            StudentInputs inputs = new StudentInputs(open, spec.commandLine());
            InsightsProgress progress =
                    StudentInputs.progress(spec.commandLine().getErr(), "doubts");
            Labelled labelled;
            List<LabelDoubt> verdicts;
            try {
                if (judged.run != null) {
                    labelled = inputs.run(judged.run, TrainingSamples.NOT_REJECTED, fields.fields());
                    verdicts = inputs.student().doubts(judged.run, fields.fields(), progress);
                } else {
                    labelled = inputs.dataset(judged.dataset, textColumn, labelColumn);
                    verdicts = inputs.student().doubts(labelled.items(), progress);
                }
            } catch (IllegalArgumentException e) {
                // Too few samples or a single label: nothing a student could judge.
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Map<Long, String> texts = new HashMap<>();
            for (LabelledText item : labelled.items()) {
                texts.put(item.id(), item.text());
            }
            List<Verdict> printed = LabelDoubts.mostDoubtfulFirst(verdicts).stream()
                    .filter(v -> all || v.doubted())
                    .map(v -> new Verdict(
                            v.id(),
                            texts.get(v.id()),
                            v.label(),
                            v.labelProbability(),
                            v.suggested(),
                            v.suggestedProbability(),
                            v.doubted(),
                            v.doubted() ? v.reason() : null))
                    .toList();
            long doubted = verdicts.stream().filter(LabelDoubt::doubted).count();
            JsonOut.print(
                    spec.commandLine().getOut(),
                    new Printed(
                            labelled.described(),
                            new Summary(verdicts.size(), doubted, LabelDoubts.DEFAULT_FOLDS),
                            printed));
        }
        return 0;
    }
}
