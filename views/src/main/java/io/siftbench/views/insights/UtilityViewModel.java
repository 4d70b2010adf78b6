package io.siftbench.views.insights;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.WeakestLabelsRun;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.RunUtility;
import io.siftbench.model.student.SampleFields;
import io.siftbench.model.student.StudentSettings;
import io.siftbench.model.student.TrainingSamples;
import io.siftbench.model.student.UtilityQuestion;
import io.siftbench.model.student.WeakestLabels;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Utility section of the Insights screen: does the data work? A student trained on the measured run's
 * samples, tested on a dataset with gold labels beside its few-shot baseline and its ceiling; with two runs side by
 * side, both and the paired test of the second against the first. Evaluating runs in the background with progress,
 * an ETA and cancel; an evaluation asked before comes from the project's snapshots, and the last one asked of a run
 * shows as soon as the run is measured. From a report, "Generate more for the weakest labels" proposes a
 * synthesize run aimed at them, started once the researcher confirms it.
 */
public final class UtilityViewModel {

    /** The label field choice that means "the label the run knows". */
    public static final String RUN_LABEL = "the run's label";

    /** What the section shows: each run's report, and for two runs the paired comparison (null for one). */
    public record Evaluated(List<RunInfo> runs, List<RunUtility.Answer> answers, ProjectStudent.Comparison comparison) {

        public Evaluated {
            runs = List.copyOf(runs);
            answers = List.copyOf(answers);
        }
    }

    private final ProjectTasks<InsightsSources> tasks;
    private final ProjectTasks<InsightsSources>.Latest reading;
    private final Supplier<SampleEmbedder> embedder;
    private final BiConsumer<RunInfo, WeakestLabelsRun.Plan> starter;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObservableList<DatasetInfo> datasetsView = FXCollections.unmodifiableObservableList(datasets);
    private final ObservableList<String> labelFields = FXCollections.observableArrayList(RUN_LABEL);
    private final ObservableList<String> labelFieldsView = FXCollections.unmodifiableObservableList(labelFields);
    private final ObservableList<WeakestLabelsRun.Plan> plans = FXCollections.observableArrayList();
    private final ObservableList<WeakestLabelsRun.Plan> plansView = FXCollections.unmodifiableObservableList(plans);
    private final ObjectProperty<DatasetInfo> test = new SimpleObjectProperty<>(this, "test");
    private final StringProperty testText = new SimpleStringProperty(this, "testText");
    private final StringProperty testLabel = new SimpleStringProperty(this, "testLabel");
    private final ObjectProperty<DatasetInfo> gold = new SimpleObjectProperty<>(this, "gold");
    private final ObjectProperty<Integer> fewShot =
            new SimpleObjectProperty<>(this, "fewShot", UtilityQuestion.DEFAULT_FEW_SHOT);
    private final ObjectProperty<TrainingSamples> trainOn =
            new SimpleObjectProperty<>(this, "trainOn", TrainingSamples.KEPT);
    private final StringProperty labelField = new SimpleStringProperty(this, "labelField", RUN_LABEL);
    private final ReadOnlyObjectWrapper<Evaluated> evaluated = new ReadOnlyObjectWrapper<>(this, "evaluated");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyStringWrapper planProblem = new ReadOnlyStringWrapper(this, "planProblem", "");
    private List<RunInfo> runs = List.of();
    private TaskHandle current;

    /**
     * @param starter creates and runs a proposed run, as "Fill the gaps" does
     */
    UtilityViewModel(
            ProjectTasks<InsightsSources> tasks,
            Supplier<SampleEmbedder> embedder,
            BiConsumer<RunInfo, WeakestLabelsRun.Plan> starter) {
        this.tasks = tasks;
        this.reading = tasks.latest();
        this.embedder = embedder;
        this.starter = starter;
        test.addListener((obs, was, now) -> {
            testText.set(now == null ? null : now.textColumn());
            testLabel.set(now == null ? null : now.labelColumn());
        });
        tasks.onSwitch(now -> {
            cancel();
            finished("");
            runs = List.of();
            evaluated.set(null);
            plans.clear();
            test.set(null);
            gold.set(null);
            datasets.clear();
        });
    }

    /** The project's datasets, to test on and to take the gold training set from. */
    public ObservableList<DatasetInfo> datasets() {
        return datasetsView;
    }

    /** Where the label is read from: {@link #RUN_LABEL}, or a condition of the run's prompt. */
    public ObservableList<String> labelFields() {
        return labelFieldsView;
    }

    /** The runs "Generate more for the weakest labels" proposes; empty when none is proposed. */
    public ObservableList<WeakestLabelsRun.Plan> plans() {
        return plansView;
    }

    public ObjectProperty<DatasetInfo> testProperty() {
        return test;
    }

    /** The test dataset's text column; its text role when it is chosen. */
    public StringProperty testTextProperty() {
        return testText;
    }

    /** The test dataset's gold label column; its label role when it is chosen. */
    public StringProperty testLabelProperty() {
        return testLabel;
    }

    /** The gold training set of the ceiling and the few-shot examples; null for none. */
    public ObjectProperty<DatasetInfo> goldProperty() {
        return gold;
    }

    public ObjectProperty<Integer> fewShotProperty() {
        return fewShot;
    }

    public ObjectProperty<TrainingSamples> trainOnProperty() {
        return trainOn;
    }

    public StringProperty labelFieldProperty() {
        return labelField;
    }

    public ReadOnlyObjectProperty<Evaluated> evaluatedProperty() {
        return evaluated.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the evaluation is doing, with the time it has left. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why no run for the weakest labels could be proposed, shown beside the button; empty when one was. */
    public ReadOnlyStringProperty planProblemProperty() {
        return planProblem.getReadOnlyProperty();
    }

    /**
     * Lists the project's datasets again (after one was imported, renamed or deleted); they are listed first when
     * runs are measured.
     */
    public void reloadDatasets() {
        InsightsSources open = tasks.open();
        if (open == null) {
            datasets.clear();
            return;
        }
        tasks.execute(BackgroundTask.of(
                        "Listing the datasets",
                        work -> open.runSources().datasets().list())
                .quiet()
                .onSuccess(this::setDatasets)
                .onFailure(error -> problem.set(Problem.of("The datasets could not be listed", error))));
    }

    /** The datasets listed, what was chosen kept where it is still there. */
    private void setDatasets(List<DatasetInfo> list) {
        DatasetInfo chosenTest = test.get();
        DatasetInfo chosenGold = gold.get();
        datasets.setAll(list);
        test.set(same(list, chosenTest));
        gold.set(same(list, chosenGold));
    }

    private static DatasetInfo same(List<DatasetInfo> list, DatasetInfo chosen) {
        return chosen == null
                ? null
                : list.stream().filter(d -> d.id() == chosen.id()).findFirst().orElse(null);
    }

    /**
     * The runs Insights measured: what was shown goes, and the answer to the last question asked of the first run
     * (with its choices) shows if it is still current, with the others' from their snapshots; nothing is trained.
     */
    void showRuns(List<RunInfo> measured) {
        // Measured again, the same runs may have new samples or decisions: what is shown is read again too, and
        // goes where it is no longer current.
        cancel();
        runs = List.copyOf(measured);
        evaluated.set(null);
        plans.clear();
        planProblem.set("");
        problem.set(null);
        InsightsSources open = tasks.open();
        if (open == null || runs.isEmpty()) {
            return;
        }
        RunUtility utility = utility(open);
        List<RunInfo> asked = runs;
        reading.execute(
                BackgroundTask.of("Reading the utility of run #" + asked.get(0).id(), work -> {
                            List<DatasetInfo> listed =
                                    open.runSources().datasets().list();
                            List<String> fields = labelFieldsOf(open, asked.get(0));
                            Optional<RunUtility.Answer> first =
                                    utility.last(asked.get(0).id());
                            Evaluated shown = null;
                            if (first.isPresent()) {
                                shown = cachedFor(utility, asked, first.get());
                            }
                            return new Read(listed, fields, first.map(RunUtility.Answer::question), shown);
                        })
                        .quiet()
                        .onSuccess(read -> {
                            setDatasets(read.datasets());
                            // A chooser clears what it shows when its choices are replaced: set again, so it shows.
                            labelFields.setAll(read.labelFields());
                            labelField.set(null);
                            labelField.set(
                                    read.labelFields().size() > 1
                                                    && asked.get(0).config().mode() == PromptMode.SYNTHESIZE
                                            ? read.labelFields().get(1)
                                            : RUN_LABEL);
                            read.question().ifPresent(this::choose);
                            if (read.shown() != null) {
                                evaluated.set(read.shown());
                            }
                        })
                        .onFailure(error -> problem.set(Problem.of("The utility could not be read", error))));
    }

    /** What is read when runs are shown: the label fields, the last question and its answers, if current. */
    private record Read(
            List<DatasetInfo> datasets,
            List<String> labelFields,
            Optional<UtilityQuestion> question,
            Evaluated shown) {}

    /**
     * The answers of every run to the first run's last question, if each is in a snapshot (else null); two runs'
     * paired comparison is computed afresh, which takes two students trained on texts embedded already.
     */
    private static Evaluated cachedFor(RunUtility utility, List<RunInfo> asked, RunUtility.Answer first) {
        List<RunUtility.Answer> answers = new ArrayList<>(List.of(first));
        for (RunInfo other : asked.subList(1, asked.size())) {
            Optional<RunUtility.Answer> answer = utility.cached(other.id(), first.question());
            if (answer.isEmpty()) {
                return null;
            }
            answers.add(answer.get());
        }
        ProjectStudent.Comparison comparison = asked.size() < 2
                ? null
                : utility.compare(asked.get(0).id(), asked.get(1).id(), first.question(), InsightsProgress.NONE);
        return new Evaluated(asked, answers, comparison);
    }

    /** The run's own label, then each condition of its prompt: where a synthesize run keeps its label. */
    private static List<String> labelFieldsOf(InsightsSources open, RunInfo run) {
        List<String> fields = new ArrayList<>();
        fields.add(RUN_LABEL);
        for (Condition condition :
                open.runSources().prompts().load(run.config().promptVersionId()).conditions()) {
            fields.add(condition.name());
        }
        return fields;
    }

    /** Fills the choices in from a question asked before. */
    private void choose(UtilityQuestion question) {
        datasets.stream()
                .filter(d -> d.name().equals(question.testDataset()))
                .findFirst()
                .ifPresent(test::set);
        if (question.testText() != null) {
            testText.set(question.testText());
        }
        if (question.testLabel() != null) {
            testLabel.set(question.testLabel());
        }
        gold.set(datasets.stream()
                .filter(d -> d.name().equals(question.goldDataset()))
                .findFirst()
                .orElse(null));
        fewShot.set(question.fewShotPerLabel());
        trainOn.set(question.trainOn());
        labelField.set(
                question.fields().label() == null
                        ? RUN_LABEL
                        : question.fields().label());
    }

    /** The question the choices ask; refused, saying what to choose, when they are incomplete. */
    UtilityQuestion question() {
        if (test.get() == null) {
            throw new IllegalArgumentException(
                    "Choose a test dataset with gold labels (import one on the Datasets screen if there is none).");
        }
        String label = labelField.get() == null || RUN_LABEL.equals(labelField.get()) ? null : labelField.get();
        return new UtilityQuestion(
                trainOn.get(),
                new SampleFields(null, label),
                test.get().name(),
                testText.get(),
                testLabel.get(),
                gold.get() == null ? null : gold.get().name(),
                fewShot.get() == null ? UtilityQuestion.DEFAULT_FEW_SHOT : fewShot.get());
    }

    /**
     * Evaluates the runs shown: each one's report (from its snapshot when nothing changed), and with two runs the
     * paired comparison of the second against the first. An evaluation under way stops.
     */
    public void evaluate() {
        InsightsSources open = tasks.open();
        if (open == null || runs.isEmpty()) {
            return;
        }
        UtilityQuestion question;
        try {
            question = question();
        } catch (IllegalArgumentException e) {
            problem.set(new Problem("The utility could not be evaluated", e.getMessage()));
            return;
        }
        if (embedder == null) {
            problem.set(new Problem(
                    "The utility could not be evaluated", "There is no embedding model to read the texts with."));
            return;
        }
        cancel();
        // What the last question was no longer matters: the researcher has chosen.
        reading.clear();
        RunUtility utility = utility(open);
        List<RunInfo> asked = runs;
        busy.set(true);
        problem.set(null);
        plans.clear();
        planProblem.set("");
        long started = System.nanoTime();
        int shares = asked.size() + (asked.size() > 1 ? 1 : 0);
        current = tasks.execute(BackgroundTask.of("Evaluating the utility of " + asked.size() + " run(s)", work -> {
                    List<RunUtility.Answer> answers = new ArrayList<>();
                    for (int i = 0; i < asked.size(); i++) {
                        RunInfo run = asked.get(i);
                        answers.add(utility.report(
                                run.id(), question, progress(work, i, shares, started, "run #" + run.id())));
                    }
                    ProjectStudent.Comparison comparison = asked.size() < 2
                            ? null
                            : utility.compare(
                                    asked.get(0).id(),
                                    asked.get(1).id(),
                                    question,
                                    progress(work, asked.size(), shares, started, "paired comparison"));
                    return new Evaluated(asked, answers, comparison);
                })
                .onSuccess(result -> {
                    evaluated.set(result);
                    finished(
                            result.answers().stream().allMatch(RunUtility.Answer::cached)
                                    ? "evaluated before: read from the project"
                                    : "evaluated");
                })
                .onCancelled(() -> finished("cancelled"))
                .onFailure(error -> {
                    finished("");
                    problem.set(Problem.of("The utility could not be evaluated", error));
                }));
    }

    private RunUtility utility(InsightsSources open) {
        ProjectStudent student =
                new ProjectStudent(open.runSources(), open.metricSnapshots(), embedder, StudentSettings.DEFAULT);
        return new RunUtility(student, open.metricSnapshots());
    }

    /** Progress of share {@code index} of {@code shares}, with the time left at the pace so far. */
    private InsightsProgress progress(BackgroundTask.Progress work, int index, int shares, long started, String what) {
        return (done, total, name) -> {
            work.checkCancelled();
            double overall = (index + (double) done / Math.max(1, total)) / shares;
            String line = what + ": " + name + left(started, overall);
            work.update(overall, 1, line);
            tasks.executor().uiThread().execute(() -> {
                if (busy.get()) {
                    progress.set(overall);
                    step.set(line);
                }
            });
        };
    }

    /** " · about 12 s left" once a tenth is done (earlier guesses jump about); empty before. */
    static String left(long startedNanos, double share) {
        if (share < 0.1 || share >= 1) {
            return "";
        }
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        long seconds = Math.round(elapsed * (1 - share) / share);
        Duration d = Duration.ofSeconds(seconds);
        return " · about " + (seconds < 60 ? seconds + " s" : d.toMinutes() + " min " + d.toSecondsPart() + " s")
                + " left";
    }

    /** Stops the evaluation under way; what was shown stays. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    private void finished(String message) {
        current = null;
        busy.set(false);
        progress.set(message.isEmpty() ? 1 : 0);
        step.set(message);
    }

    /**
     * Proposes a synthesize run for the {@code k} labels of the first run's student with the lowest F1, making
     * {@code samples} samples split by their error: shown in {@link #plans()} for the researcher to confirm with
     * {@link #start}; where no prompt can write them, {@link #problemProperty()} says what is needed.
     */
    public void proposeWeakest(int k, int samples) {
        InsightsSources open = tasks.open();
        Evaluated shown = evaluated.get();
        if (open == null || shown == null) {
            return;
        }
        RunInfo run = shown.runs().get(0);
        List<WeakestLabels.Target> targets =
                WeakestLabels.of(shown.answers().get(0).report().student(), k);
        plans.clear();
        planProblem.set("");
        tasks.execute(BackgroundTask.of(
                        "Planning a run for the weakest labels of run #" + run.id(),
                        work -> WeakestLabelsRun.plans(open.runSources(), run, targets, samples))
                .quiet()
                .onSuccess(plans::setAll)
                .onFailure(error -> planProblem.set(Problem.firstLine(error))));
    }

    /** Starts the proposed run {@code plan} (one of {@link #plans()}), as "Fill the gaps" starts its run. */
    public void start(WeakestLabelsRun.Plan plan) {
        Evaluated shown = evaluated.get();
        if (shown == null || !plans.contains(plan)) {
            return;
        }
        plans.clear();
        starter.accept(shown.runs().get(0), plan);
    }

    /** Drops the proposed runs. */
    public void discardPlans() {
        plans.clear();
    }
}
