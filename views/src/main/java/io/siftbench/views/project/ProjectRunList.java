package io.siftbench.views.project;

import io.siftbench.model.pipelines.RunStep;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.RunSummary;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runs of the open project as a screen lists them, newest first, each with its settings in a line
 * ({@link RunSummary}) and, for a pipeline's step, the pipeline and step it is ({@link RunStep}). The runs and the dataset names their settings show are read together in the background;
 * a listing of a project closed since, or older than one asked for after it, is dropped. Each screen keeps its
 * own list and decides itself what stays chosen after a listing.
 */
public final class ProjectRunList {

    /** What one listing reads: the runs, and each one's settings and pipeline step by run id. */
    private record Listing(
            List<RunInfo> runs,
            Map<Long, String> settings,
            Map<Long, RunStep> steps,
            Map<Long, List<String>> pipelineSteps) {}

    private final ProjectTasks<RunListSources> tasks;
    /** Only the newest listing shows. */
    private final ProjectTasks<RunListSources>.Latest listings;

    private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<RunInfo> runsView = FXCollections.unmodifiableObservableList(runs);

    private Map<Long, String> settings = Map.of();
    private Map<Long, RunStep> steps = Map.of();
    /** The names of every step of each pipeline run listed, made or not yet, by pipeline run id. */
    private Map<Long, List<String>> pipelineSteps = Map.of();
    /** The newest run listed of each pipeline run, by pipeline run id: where its steps stand together. */
    private Map<Long, Long> newestStep = Map.of();

    /** @param sources the stores of the open project the runs are read from; null while none is open */
    public ProjectRunList(ObservableValue<RunListSources> sources, TaskExecutor tasks) {
        this.tasks = new ProjectTasks<>(sources, tasks);
        this.listings = this.tasks.latest();
    }

    public ObservableList<RunInfo> runs() {
        return runsView;
    }

    /** The run's settings as listed, e.g. "b77 · category = card_arrival · 200 at random · T 0.7". */
    public String settings(RunInfo run) {
        return settings.getOrDefault(run.id(), "");
    }

    /** The pipeline step the run is, e.g. "question-answer v1 · step 2 answer"; empty outside pipelines. */
    public String step(RunInfo run) {
        RunStep step = steps.get(run.id());
        return step == null ? "" : step.label();
    }

    /** The pipeline step the run is, as listed; empty outside pipelines. */
    public java.util.Optional<RunStep> stepOf(RunInfo run) {
        return java.util.Optional.ofNullable(steps.get(run.id()));
    }

    /** The names of every step of pipeline run {@code pipelineRun}, those not made yet too; empty if not listed. */
    public List<String> pipelineSteps(long pipelineRun) {
        return pipelineSteps.getOrDefault(pipelineRun, List.of());
    }

    /** The run as a chooser names it, with the pipeline step it is ({@link RunLabel#withSamples(RunInfo, String)}). */
    public String label(RunInfo run) {
        return RunLabel.withSamples(run, step(run));
    }

    /**
     * The order of a list that keeps a pipeline run's steps together, its first step first, where its newest step's
     * run stands; the other runs stay newest first. It reads the listing shown, so it holds as the list changes.
     */
    public Comparator<RunInfo> pipelineRunsTogether() {
        Comparator<RunInfo> newestFirst = Comparator.comparingLong(RunInfo::id).reversed();
        return Comparator.comparingLong(this::place)
                .reversed()
                .thenComparingInt(
                        r -> steps.containsKey(r.id()) ? steps.get(r.id()).index() : 0)
                .thenComparing(newestFirst);
    }

    private long place(RunInfo run) {
        RunStep step = steps.get(run.id());
        return step == null ? run.id() : newestStep.getOrDefault(step.link().pipelineRun(), run.id());
    }

    /** Whether run {@code runId} is in the list. */
    public boolean contains(long runId) {
        return runs.stream().anyMatch(r -> r.id() == runId);
    }

    /**
     * Lists the runs again in the background, then, on the UI thread, shows them and hands them to
     * {@code listed}; {@code failed} hears why they could not be read. With no project open the list empties at
     * once and {@code listed} gets it empty.
     */
    public void reload(Consumer<List<RunInfo>> listed, Consumer<Throwable> failed) {
        RunListSources open = tasks.open();
        if (open == null) {
            listings.clear();
            show(new Listing(List.of(), Map.of(), Map.of(), Map.of()), listed);
            return;
        }
        listings.execute(BackgroundTask.of("Listing runs", p -> {
                    List<RunInfo> list = open.runs().list();
                    Map<Long, RunStep> stepsOf = RunStep.of(list, open.pipelines());
                    Map<Long, List<String>> names = new HashMap<>();
                    for (RunStep step : stepsOf.values()) {
                        names.computeIfAbsent(step.link().pipelineRun(), id -> open.pipelines()
                                .findRun(id)
                                .map(r -> r.pipeline().pipeline().steps().stream()
                                        .map(s -> s.name())
                                        .toList())
                                .orElse(List.of()));
                    }
                    return new Listing(list, RunSummary.settings(list, open.datasets()), stepsOf, names);
                })
                .quiet()
                .onSuccess(listing -> show(listing, listed))
                .onFailure(failed));
    }

    private void show(Listing listing, Consumer<List<RunInfo>> listed) {
        // The settings first: the list's listeners (a table's cells, a chooser's names) read them as the rows change.
        settings = listing.settings();
        steps = listing.steps();
        pipelineSteps = listing.pipelineSteps();
        Map<Long, Long> newest = new HashMap<>();
        steps.forEach((run, step) -> newest.merge(step.link().pipelineRun(), run, Math::max));
        newestStep = newest;
        List<RunInfo> now = listing.runs();
        // A listing is asked for on every change of the project, often with nothing new for this list: rows that
        // did not change stay as they are, so a click or a selection on them is not lost to a redraw.
        if (now.size() == runs.size() && sameRuns(now)) {
            for (int i = 0; i < now.size(); i++) {
                if (!runs.get(i).equals(now.get(i))) {
                    runs.set(i, now.get(i));
                }
            }
        } else {
            runs.setAll(now);
        }
        listed.accept(listing.runs());
    }

    /** Whether {@code now} lists the same runs in the same order as the list shown, whatever their progress. */
    private boolean sameRuns(List<RunInfo> now) {
        for (int i = 0; i < now.size(); i++) {
            if (runs.get(i).id() != now.get(i).id()) {
                return false;
            }
        }
        return true;
    }
}
