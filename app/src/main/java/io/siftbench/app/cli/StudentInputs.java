package io.siftbench.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.RunSampleSet;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.student.LabelledText;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.SampleFields;
import io.siftbench.model.student.StudentSettings;
import io.siftbench.model.student.TrainingSamples;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What {@code evaluate} and {@code doubts} read from the open project: a run's labelled samples or a dataset's
 * labelled records, each named as the printed JSON names it. A choice that finds nothing to learn from is refused
 * with what to choose instead, as bad input: nothing is computed, nothing stored changes.
 */
final class StudentInputs {

    private final Project project;
    private final ProjectStudent student;
    private final CommandLine cli;

    StudentInputs(Project project, CommandLine cli) {
        this.project = project;
        this.cli = cli;
        this.student = new ProjectStudent(
                project.runSources(),
                project.metricSnapshots(),
                () -> new SampleEmbedder(EmbeddingModels.miniLm()),
                StudentSettings.DEFAULT);
    }

    ProjectStudent student() {
        return student;
    }

    /**
     * Labelled texts as printed: a run's ({@code run}, {@code samples}: which ones, {@code textFrom} and
     * {@code labelFrom} where chosen) or a dataset's ({@code dataset} with its {@code text} and {@code label}
     * columns); {@code count} is how many had both a text and a label.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Described(
            Long run,
            String samples,
            String textFrom,
            String labelFrom,
            String dataset,
            String text,
            String label,
            int count) {}

    /** Labelled texts with how they are described. */
    record Labelled(List<LabelledText> items, Described described) {}

    /**
     * The samples of run {@code runId} that {@code which} names, with a text and a label as {@code fields} reads
     * them.
     *
     * @throws ParameterException when there is no such run, or none of its samples has both, saying why and what
     *                            to choose instead (a synthesize run's condition names for {@code --label-from})
     */
    Labelled run(long runId, TrainingSamples which, SampleFields fields) {
        RunSampleSet set;
        try {
            set = RunSamples.load(project.runSources(), runId);
        } catch (ProjectException e) {
            throw new ParameterException(cli, e.getMessage());
        }
        List<LabelledText> items = ProjectStudent.labelled(set, which, fields);
        if (items.isEmpty()) {
            throw new ParameterException(cli, whyNothing(set, which, fields));
        }
        return new Labelled(
                items,
                new Described(runId, which.title(), fields.text(), fields.label(), null, null, null, items.size()));
    }

    private static String whyNothing(RunSampleSet set, TrainingSamples which, SampleFields fields) {
        long run = set.runId();
        if (set.samples().isEmpty()) {
            return "Run " + run + " has no answered samples yet.";
        }
        List<SampleText> samples = set.withResearcherLabels();
        TreeSet<String> names = new TreeSet<>(set.conditions().keySet());
        samples.forEach(s -> names.addAll(s.fields().keySet()));
        String offered = names.isEmpty() ? "" : " Its conditions and fields are: " + String.join(", ", names) + ".";
        if (fields.label() != null
                && samples.stream()
                        .noneMatch(s -> s.fields().containsKey(fields.label())
                                || s.conditions().containsKey(fields.label()))) {
            return "No sample of run " + run + " has a field or condition \"" + fields.label() + "\"." + offered;
        }
        if (fields.text() != null && samples.stream().noneMatch(s -> s.fields().containsKey(fields.text()))) {
            return "No sample of run " + run + " has an output field \"" + fields.text() + "\"." + offered;
        }
        if (fields.label() == null && samples.stream().allMatch(s -> s.label() == null)) {
            return "The samples of run " + run + " carry no label; name the condition or output field that holds it"
                    + " with --label-from"
                    + (set.conditions().isEmpty()
                            ? "."
                            : ", e.g. --label-from "
                                    + set.conditions().keySet().iterator().next() + ".")
                    + offered;
        }
        if (which == TrainingSamples.KEPT) {
            return "Run " + run + " has no accepted or edited samples with a text and a label yet: accept some in"
                    + " Review (or with siftbench decide), or add --all-valid to learn from every sample not rejected.";
        }
        return "Run " + run + " has no sample with both a text and a label that was not rejected.";
    }

    /**
     * The records of {@code dataset} with a text and a label.
     *
     * @param text  the text column; null for the dataset's text role
     * @param label the label column; null for the dataset's label role
     * @throws ParameterException naming the dataset or column that is not there, or saying that none has both
     */
    Labelled dataset(String dataset, String text, String label) {
        List<LabelledText> items;
        try {
            items = student.datasetRecords(dataset, text, label);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, e.getMessage());
        }
        DatasetInfo info = project.datasets().find(dataset).orElseThrow();
        String textColumn = Objects.requireNonNullElse(text, info.textColumn());
        String labelColumn = Objects.requireNonNullElse(label, info.labelColumn());
        if (items.isEmpty()) {
            throw new ParameterException(
                    cli,
                    "No record of dataset \"" + dataset + "\" has both a text in \"" + textColumn
                            + "\" and a label in \"" + labelColumn + "\".");
        }
        return new Labelled(
                items, new Described(null, null, null, null, dataset, textColumn, labelColumn, items.size()));
    }

    /** Progress on stderr, one line a step, as the other long commands print it. */
    static InsightsProgress progress(PrintWriter err, String command) {
        return (done, total, step) -> {
            err.println(command + ": " + step + " (" + done + "/" + total + ")");
            err.flush();
        };
    }
}
