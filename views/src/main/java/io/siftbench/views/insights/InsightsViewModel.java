package io.siftbench.views.insights;

import io.siftbench.model.insights.CoverageGrid;
import io.siftbench.model.insights.GapFilling;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.RunMetricsReport;
import io.siftbench.model.insights.RunSampleSet;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.insights.ValueCoverage;
import io.siftbench.model.insights.WeakestLabelsRun;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.views.project.ProjectRunList;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import io.siftbench.views.task.TaskHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The Insights screen's state: the project's runs, the runs chosen to measure side by side, the status
 * selection and the slice (the run, its prompt version's runs, or one condition value), and the measured metrics.
 * Measuring runs in the background with progress and can be cancelled; unchanged runs come from the project's
 * metric snapshots at once.
 */
public final class InsightsViewModel {

    /**
     * One measured run: the slice of it measured, its metrics (on axes shared with the runs measured beside it) and
     * its measured samples by id (for the map's tooltips and colours).
     */
    public record MeasuredRun(RunInfo run, MetricSlice slice, RunMetricsReport report, Map<Long, SampleText> samples) {

        /** How the run, and the slice of it measured, is named in the title, column headings and legends. */
        public String heading() {
            return named(run) + (report.slice().isEmpty() ? "" : " · " + report.slice());
        }

        static String named(RunInfo run) {
            return RunLabel.name(run);
        }
    }

    /** What a measuring gives: the runs measured, and why a compared run was left out (empty when none was). */
    private record Measured(List<MeasuredRun> runs, String note) {}

    private final ProjectTasks<InsightsSources> tasks;
    /** The reading of the chosen run's slices: only the newest run's reach the chooser. */
    private final ProjectTasks<InsightsSources>.Latest slicing;

    private final Supplier<SampleEmbedder> embedder;
    private final ObservableValue<RunLauncher> launcher;
    private final ProjectRunList runs;
    private final ObservableList<MeasuredRun> measured = FXCollections.observableArrayList();
    private final ObservableList<MetricSlice> slices =
            FXCollections.observableArrayList(MetricSlice.RUN, MetricSlice.PROMPT_VERSION);
    // The read-only views are kept: a fresh wrapper per call listens only weakly and could be collected
    // together with the screen's listeners on it.
    private final ObservableList<MeasuredRun> measuredView = FXCollections.unmodifiableObservableList(measured);
    private final ObservableList<MetricSlice> slicesView = FXCollections.unmodifiableObservableList(slices);
    private final ObjectProperty<StatusSelection> status =
            new SimpleObjectProperty<>(this, "status", StatusSelection.ALL);
    private final ObjectProperty<MetricSlice> slice = new SimpleObjectProperty<>(this, "slice", MetricSlice.RUN);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper projectOpen = new ReadOnlyBooleanWrapper(this, "projectOpen");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final UtilityViewModel utility;
    private TaskHandle current;

    /**
     * @param sources  what the screen reads of the open project; null while none is open
     * @param embedder gives embeddings for the similarity, the map and their charts (the bundled MiniLM in the
     *                 app); asked for only when something is computed
     * @param launcher the launcher of the open project's runs, which starts the runs that fill the gaps of a
     *                 coverage grid; read when a filling is asked for
     */
    public InsightsViewModel(
            ObservableValue<InsightsSources> sources,
            TaskExecutor tasks,
            Supplier<SampleEmbedder> embedder,
            ObservableValue<RunLauncher> launcher) {
        this.tasks = new ProjectTasks<>(sources, tasks);
        this.slicing = this.tasks.latest();
        this.embedder = embedder;
        this.launcher = launcher;
        this.runs = new ProjectRunList(sources.map(InsightsSources::runList), tasks);
        this.utility = new UtilityViewModel(this.tasks, embedder, this::generateForWeakest);
        projectOpen.set(sources.getValue() != null);
        this.tasks.onSwitch(now -> {
            projectOpen.set(now != null);
            // The outcome of the work under way is dropped now, even one already on its way to the screen: the
            // screen must not stay busy waiting for it.
            boolean working = current != null;
            cancel();
            if (working) {
                finished("cancelled");
            }
            measured.clear();
            note.set("");
            reload();
        });
        reload();
    }

    public ObservableList<RunInfo> runs() {
        return runs.runs();
    }

    /** The Utility section: the measured runs' students tested on real data. */
    public UtilityViewModel utility() {
        return utility;
    }

    /** A run as the chooser names it, with the pipeline step it is, e.g. "… · question-answer v1 · step 2 answer …". */
    public String runLabel(RunInfo run) {
        return runs.label(run);
    }

    public ObservableList<MeasuredRun> measured() {
        return measuredView;
    }

    public ObjectProperty<StatusSelection> statusProperty() {
        return status;
    }

    /**
     * The slices the chosen run offers ({@link #chooseSlicesOf}): the run, its prompt version's runs, and each
     * declared value of each of its prompt's conditions.
     */
    public ObservableList<MetricSlice> slices() {
        return slicesView;
    }

    /** Which slice of the runs to measure; the run's own samples to begin with. */
    public ObjectProperty<MetricSlice> sliceProperty() {
        return slice;
    }

    /**
     * What the measured runs leave out: a compared run that lacks the slice's condition or value is not measured,
     * and this says so; empty otherwise.
     */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** How far the measuring got, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The step the measuring is at, for the progress line. */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether a project is open: without one the screen asks for one. */
    public ReadOnlyBooleanProperty projectOpenProperty() {
        return projectOpen.getReadOnlyProperty();
    }

    /** Lists the project's runs again (after a run was made elsewhere). */
    public void reload() {
        runs.reload(list -> {}, error -> problem.set(Problem.of("The runs could not be listed", error)));
    }

    /** Measures run {@code runId} alone, listing the runs again first: a run opened from the Runs screen. */
    public void open(long runId) {
        runs.reload(
                list -> list.stream().filter(r -> r.id() == runId).findFirst().ifPresent(r -> measure(List.of(r))),
                error -> problem.set(Problem.of("The runs could not be listed", error)));
    }

    /**
     * Offers the slices of {@code run} (read in the background); a condition value the new run's prompt does not
     * declare falls back to the run's own samples.
     */
    public void chooseSlicesOf(RunInfo run) {
        InsightsSources open = tasks.open();
        if (open == null || run == null) {
            slicing.clear();
            setSlices(List.of(MetricSlice.RUN, MetricSlice.PROMPT_VERSION));
            return;
        }
        slicing.execute(BackgroundTask.of(
                        "Reading the conditions of run #" + run.id(), p -> MetricSlice.choices(open.runSources(), run))
                .quiet()
                .onSuccess(this::setSlices));
    }

    private void setSlices(List<MetricSlice> choices) {
        if (!choices.contains(slice.get())) {
            slice.set(MetricSlice.RUN);
        }
        slices.setAll(choices);
    }

    /**
     * Measures the chosen slice of each of {@code chosen} side by side with the current status selection; a
     * measuring under way stops. A compared run (not the first) that lacks the slice's condition is left out,
     * and {@link #noteProperty()} says why.
     */
    public void measure(List<RunInfo> chosen) {
        InsightsSources open = tasks.open();
        if (open == null || chosen.isEmpty()) {
            return;
        }
        cancel();
        StatusSelection selection = status.get();
        MetricSlice chosenSlice = slice.get() == null ? MetricSlice.RUN : slice.get();
        RunMetrics metrics =
                new RunMetrics(open.runSources(), open.metricSnapshots(), embedder, InsightsSettings.defaults());
        busy.set(true);
        problem.set(null);
        current = tasks.execute(BackgroundTask.of("Measuring " + chosen.size() + " run(s)", work -> {
                    List<RunInfo> shown = new ArrayList<>();
                    List<RunMetricsReport> reports = new ArrayList<>();
                    List<RunSampleSet> sets = new ArrayList<>();
                    List<String> leftOut = new ArrayList<>();
                    // Each run is one share of the progress bar; putting them side by side is one more.
                    int shares = chosen.size() + (chosen.size() > 1 ? 1 : 0);
                    for (int i = 0; i < chosen.size(); i++) {
                        RunInfo run = chosen.get(i);
                        MetricSlice.Sliced sliced;
                        try {
                            sliced = chosenSlice.apply(open.runSources(), run, selection, RunSamples.SAMPLE_SIZE);
                        } catch (IllegalArgumentException e) {
                            if (i == 0) {
                                throw e;
                            }
                            leftOut.add(MeasuredRun.named(run) + " is not compared: " + e.getMessage());
                            continue;
                        }
                        work.checkCancelled();
                        reports.add(metrics.measure(sliced, selection, progress(work, i, shares, "run #" + run.id())));
                        sets.add(sliced.set());
                        shown.add(run);
                    }
                    if (shown.size() > 1) {
                        reports = metrics.onSharedAxes(
                                reports, sets, progress(work, chosen.size(), shares, "shared axes"));
                    }
                    List<MeasuredRun> result = new ArrayList<>();
                    for (int i = 0; i < shown.size(); i++) {
                        Map<Long, SampleText> samples = new LinkedHashMap<>();
                        selection.select(sets.get(i).samples()).forEach(s -> samples.put(s.id(), s));
                        result.add(new MeasuredRun(shown.get(i), chosenSlice, reports.get(i), samples));
                    }
                    return new Measured(result, String.join("\n", leftOut));
                })
                .onSuccess(result -> {
                    // The note first: the screen redraws when the measured runs change, and shows the note then.
                    note.set(result.note());
                    measured.setAll(result.runs());
                    utility.showRuns(
                            result.runs().stream().map(MeasuredRun::run).toList());
                    finished("");
                })
                .onCancelled(() -> finished("cancelled"))
                .onFailure(error -> {
                    finished("");
                    problem.set(Problem.of("The metrics could not be computed", error));
                }));
    }

    /** Progress of share {@code index} of {@code shares}, named {@code what}, on the bar and the step line. */
    private InsightsProgress progress(BackgroundTask.Progress work, int index, int shares, String what) {
        return (done, total, name) -> {
            work.checkCancelled();
            double overall = (index + (double) done / Math.max(1, total)) / shares;
            work.update(overall, 1, what + ": " + name);
            tasks.executor().uiThread().execute(() -> {
                progress.set(overall);
                step.set(what + ": " + name);
            });
        };
    }

    /** Stops the measuring under way; what was shown stays. */
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
     * Starts a synthesize run like {@code measured}'s that makes {@code perCell} samples in every cell of
     * {@code grid} with fewer than {@code minimumAccepted} accepted samples, and runs it in the background;
     * it shows on the Runs screen and can be cancelled there or here.
     */
    public void fillTheGaps(MeasuredRun measuredRun, CoverageGrid grid, long minimumAccepted, int perCell) {
        start(
                measuredRun.run(),
                "filled the gaps of " + grid.conditionA() + " × " + grid.conditionB(),
                () -> GapFilling.config(measuredRun.run(), grid, minimumAccepted, perCell));
    }

    /**
     * Starts a synthesize run like {@code measured}'s that makes {@code perCell} samples for every value of
     * {@code values}' condition with fewer than {@code minimumAccepted} accepted samples (the bars of a prompt with
     * a single condition switched on), as {@link #fillTheGaps(MeasuredRun, CoverageGrid, long, int)} does.
     */
    public void fillTheGaps(MeasuredRun measuredRun, ValueCoverage values, long minimumAccepted, int perCell) {
        start(
                measuredRun.run(),
                "filled the gaps of " + values.condition(),
                () -> GapFilling.config(measuredRun.run(), values, minimumAccepted, perCell));
    }

    /**
     * Starts the synthesize run {@code plan} proposes for the weakest labels of {@code evaluated}'s student, as
     * "Fill the gaps" starts its runs.
     */
    private void generateForWeakest(RunInfo evaluated, WeakestLabelsRun.Plan plan) {
        start(evaluated, "makes more of the weakest labels: " + plan.describe(), plan::config);
    }

    /**
     * Creates the run {@code config} gives (in the background, where a bad choice fails) and runs it; the step line
     * then says "run #N " and {@code did}.
     */
    private void start(RunInfo like, String did, Supplier<RunConfig> config) {
        if (tasks.open() == null) {
            return;
        }
        // Read with the open project, on this thread: the launcher of the project the filling is asked for.
        RunLauncher launcher = this.launcher.getValue();
        cancel();
        busy.set(true);
        problem.set(null);
        current = tasks.execute(BackgroundTask.of("Starting a run like run #" + like.id(), work -> {
                    RunInfo run = launcher.create(config.get());
                    launcher.execute(
                            run.id(),
                            (sample, p) -> {
                                work.update(p.done(), p.total(), p.describe());
                                tasks.executor().uiThread().execute(() -> {
                                    progress.set(p.total() == 0 ? 0 : (double) p.done() / p.total());
                                    step.set("run #" + run.id() + ": " + p.describe());
                                });
                            },
                            work::isCancelled);
                    return run;
                })
                .onSuccess(run -> {
                    finished("run #" + run.id() + " " + did);
                    reload();
                })
                .onCancelled(() -> finished("cancelled"))
                .onFailure(error -> {
                    finished("");
                    problem.set(Problem.of("The run could not be made", error));
                }));
    }

    /** Writes a chart's snapshot (taken by the view on the FX thread) to {@code file} in the background. */
    public void savePng(Image snapshot, Path file) {
        // A file of the researcher's, not of the project: saved whatever project is open by then.
        tasks.executor()
                .execute(BackgroundTask.of("Saving " + file.getFileName(), work -> ChartImage.write(snapshot, file))
                        .onSuccess(saved -> step.set("saved " + saved.getFileName()))
                        .onFailure(error -> problem.set(Problem.of("The chart could not be saved", error))));
    }

    /** The metrics of the measured runs as a tab-separated table (one run per column), for the clipboard. */
    public String metricsTable() {
        return MetricRows.table(
                measured.stream().map(MeasuredRun::heading).toList(),
                measured.stream().map(MeasuredRun::report).toList());
    }
}
