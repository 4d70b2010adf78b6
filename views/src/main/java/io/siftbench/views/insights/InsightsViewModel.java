package io.siftbench.views.insights;

import io.siftbench.model.insights.CoverageGrid;
import io.siftbench.model.insights.GapFilling;
import io.siftbench.model.insights.Histogram;
import io.siftbench.model.insights.HistogramAxis;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.LengthStatistics;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.RunMetricsReport;
import io.siftbench.model.insights.RunSampleSet;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.insights.Summary;
import io.siftbench.model.insights.Tokenizer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import io.siftbench.views.task.TaskHandle;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;

/**
 * The Insights screen's state: the project's runs, the runs chosen to measure side by side, the status
 * selection, and the measured metrics. Measuring runs in the background with progress and can be cancelled;
 * unchanged runs come from the project's metric snapshots at once.
 */
public final class InsightsViewModel {

    /**
     * One measured run: its metrics, its samples by id (for the map's tooltips and colours), and its word-length
     * histogram on bins shared by every run measured with it, so that the histograms line up side by side.
     */
    public record MeasuredRun(RunInfo run, RunMetricsReport report, Map<Long, SampleText> samples,
                              Histogram sharedWords) {

        /** How the run is named in column headings and legends. */
        public String heading() {
            return "#" + run.id() + " " + run.promptName() + " v" + run.promptVersion();
        }
    }

    private final ReadOnlyObjectProperty<Project> project;
    private final TaskExecutor tasks;
    private final Supplier<SampleEmbedder> embedder;
    private final Function<Project, RunLauncher> launchers;
    private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
    private final ObservableList<MeasuredRun> measured = FXCollections.observableArrayList();
    // The read-only views are kept: a fresh wrapper per call listens only weakly and could be collected
    // together with the screen's listeners on it.
    private final ObservableList<RunInfo> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<MeasuredRun> measuredView = FXCollections.unmodifiableObservableList(measured);
    private final ObjectProperty<StatusSelection> status = new SimpleObjectProperty<>(this, "status", StatusSelection.ALL);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper(this, "step", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private TaskHandle current;

    /**
     * @param embedder  gives embeddings for the similarity, the map and their charts (the bundled MiniLM in the
     *                  app); asked for only when something is computed
     * @param launchers starts the runs that fill the gaps of a coverage grid
     */
    public InsightsViewModel(ReadOnlyObjectProperty<Project> project, TaskExecutor tasks,
                             Supplier<SampleEmbedder> embedder, Function<Project, RunLauncher> launchers) {
        this.project = project;
        this.tasks = tasks;
        this.embedder = embedder;
        this.launchers = launchers;
        project.addListener((obs, was, now) -> {
            cancel();
            measured.clear();
            reload();
        });
        reload();
    }

    public ObservableList<RunInfo> runs() {
        return runsView;
    }

    public ObservableList<MeasuredRun> measured() {
        return measuredView;
    }

    public ObjectProperty<StatusSelection> statusProperty() {
        return status;
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

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project;
    }

    /** Lists the project's runs again (after a run was made elsewhere). */
    public void reload() {
        Project open = project.get();
        if (open == null) {
            runs.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Listing runs", p -> open.runs().list()).quiet().onSuccess(list -> {
            if (open == project.get()) {
                runs.setAll(list);
            }
        }));
    }

    /** Measures {@code chosen} side by side with the current status selection; a measuring under way stops. */
    public void measure(List<RunInfo> chosen) {
        Project open = project.get();
        if (open == null || chosen.isEmpty()) {
            return;
        }
        cancel();
        StatusSelection selection = status.get();
        RunMetrics metrics = new RunMetrics(open, embedder, InsightsSettings.defaults());
        busy.set(true);
        problem.set(null);
        current = tasks.execute(BackgroundTask.of("Measuring " + chosen.size() + " run(s)", work -> {
            List<RunMetricsReport> reports = new ArrayList<>();
            List<Map<Long, SampleText>> sampleMaps = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                RunInfo run = chosen.get(i);
                int index = i;
                RunSampleSet set = RunSamples.load(open, run.id());
                RunMetricsReport report = metrics.measure(set, selection, (done, total, name) -> {
                    work.checkCancelled();
                    double overall = (index + (double) done / Math.max(1, total)) / chosen.size();
                    work.update(overall, 1, "run #" + run.id() + ": " + name);
                    tasks.uiThread().execute(() -> {
                        progress.set(overall);
                        step.set("run #" + run.id() + ": " + name);
                    });
                });
                Map<Long, SampleText> samples = new LinkedHashMap<>();
                selection.select(set.samples()).forEach(s -> samples.put(s.id(), s));
                reports.add(report);
                sampleMaps.add(samples);
            }
            return sideBySide(chosen, reports, sampleMaps);
        }).onSuccess(result -> {
            if (open == project.get()) {
                measured.setAll(result);
            }
            finished("");
        }).onCancelled(() -> finished("cancelled")).onFailure(error -> {
            finished("");
            problem.set(Problem.of("The metrics could not be computed", error));
        }));
    }

    private static List<MeasuredRun> sideBySide(List<RunInfo> chosen, List<RunMetricsReport> reports,
                                                List<Map<Long, SampleText>> samples) {
        List<double[]> words = samples.stream().map(m -> LengthStatistics.wordLengths(m.values().stream()
                .map(s -> Tokenizer.tokens(s.text())).toList())).toList();
        HistogramAxis axis = HistogramAxis.spanning(words.stream().flatMapToDouble(DoubleStream::of).toArray(),
                Summary.DEFAULT_BINS);
        List<MeasuredRun> result = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            result.add(new MeasuredRun(chosen.get(i), reports.get(i), samples.get(i), axis.count(words.get(i))));
        }
        return result;
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
        Project open = project.get();
        if (open == null) {
            return;
        }
        cancel();
        busy.set(true);
        problem.set(null);
        current = tasks.execute(BackgroundTask.of("Filling the gaps of run #" + measuredRun.run().id(), work -> {
            RunLauncher launcher = launchers.apply(open);
            RunInfo run = launcher.create(GapFilling.config(measuredRun.run(), grid, minimumAccepted, perCell));
            launcher.execute(run.id(), (sample, p) -> {
                work.update(p.done(), p.total(), p.describe());
                tasks.uiThread().execute(() -> {
                    progress.set(p.total() == 0 ? 0 : (double) p.done() / p.total());
                    step.set("run #" + run.id() + ": " + p.describe());
                });
            }, work::isCancelled);
            return run;
        }).onSuccess(run -> {
            finished("run #" + run.id() + " filled the gaps of " + grid.conditionA() + " × " + grid.conditionB());
            reload();
        }).onCancelled(() -> finished("cancelled")).onFailure(error -> {
            finished("");
            problem.set(Problem.of("The gaps could not be filled", error));
        }));
    }

    /** Writes a chart's snapshot (taken by the view on the FX thread) to {@code file} in the background. */
    public void savePng(Image snapshot, Path file) {
        tasks.execute(BackgroundTask.of("Saving " + file.getFileName(), work -> ChartImage.write(snapshot, file))
                .onSuccess(saved -> step.set("saved " + saved.getFileName()))
                .onFailure(error -> problem.set(Problem.of("The chart could not be saved", error))));
    }

    /** The metrics of the measured runs as a tab-separated table (one run per column), for the clipboard. */
    public String metricsTable() {
        return MetricRows.table(measured.stream().map(MeasuredRun::heading).toList(),
                measured.stream().map(MeasuredRun::report).toList());
    }
}
