package io.siftbench.views.runs;

import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.views.project.ProjectRunList;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The runs of the open project and the live progress of those running in this window: resume (which
 * also continues a killed run), cancel, and a list that follows what the runs store.
 */
public final class RunsViewModel {

    private final ReadOnlyObjectProperty<Project> project;
    private final TaskExecutor tasks;
    private final Function<Project, RunLauncher> launchers;
    private final ProjectRunList runs;
    private final ObservableMap<Long, RunProgress> live = FXCollections.observableHashMap();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableMap<Long, RunProgress> liveReadOnly = FXCollections.unmodifiableObservableMap(live);
    private final Map<Long, AtomicBoolean> running = new HashMap<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    public RunsViewModel(ReadOnlyObjectProperty<Project> project, TaskExecutor tasks,
                         Function<Project, RunLauncher> launchers) {
        this.project = project;
        this.tasks = tasks;
        this.launchers = launchers;
        this.runs = new ProjectRunList(project, tasks);
        project.addListener((obs, was, now) -> reload());
        reload();
    }

    public ObservableList<RunInfo> runs() {
        return runs.runs();
    }

    /** The run's settings beyond its other columns, e.g. "b77 · category = card_arrival · 200 at random · T 0.7". */
    public String settings(RunInfo run) {
        return runs.settings(run);
    }

    /** Progress of the runs going on in this window, by run id. */
    public ObservableMap<Long, RunProgress> live() {
        return liveReadOnly;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project;
    }

    public boolean isRunning(long runId) {
        return running.containsKey(runId);
    }

    public void reload() {
        runs.reload(list -> { }, error -> problem.set(Problem.of("The runs could not be listed", error)));
    }

    /** Stores a new run of {@code config} in the background, then starts generating its samples. */
    public void start(RunConfig config) {
        start(config, run -> { }, failure -> { });
    }

    /**
     * Stores a new run of {@code config} in the background, tells {@code created} (on the UI thread) which run it
     * is, then starts generating its samples: a screen that shows the run can list it before its first sample.
     * When the run cannot be stored, or stops on an error, {@code failed} hears the problem the Runs screen
     * shows, so that the screen that asked for the run can say what went wrong where the researcher looks.
     */
    public void start(RunConfig config, Consumer<RunInfo> created, Consumer<Problem> failed) {
        Project open = project.get();
        if (open == null) {
            return;
        }
        problem.set(null); // what went wrong before is not this run's problem
        tasks.execute(BackgroundTask.of("Creating a run", progress -> launchers.apply(open).create(config)).quiet()
                .onSuccess(run -> {
                    created.accept(run);
                    resume(run, failed);
                })
                .onFailure(error -> report(Problem.of("The run could not be created", error), failed)));
    }

    /** Generates the missing samples of {@code run} in the background: a resume, or the first go. */
    public void resume(RunInfo run) {
        resume(run, failure -> { });
    }

    /**
     * Like {@link #resume(RunInfo)}; {@code failed} also hears the problem when the run stops on an error, or
     * completes without a single answer (every request failed: a backend that cannot be reached, say).
     */
    public void resume(RunInfo run, Consumer<Problem> failed) {
        Project open = project.get();
        if (open == null || running.containsKey(run.id())) {
            return;
        }
        problem.set(null);
        AtomicBoolean cancelRequested = new AtomicBoolean();
        AtomicReference<RunProgress> newest = new AtomicReference<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicBoolean answered = new AtomicBoolean();
        running.put(run.id(), cancelRequested);
        tasks.execute(BackgroundTask.of("Run #" + run.id(), progress ->
                launchers.apply(open).execute(run.id(), (sample, p) -> {
                    if (sample.failed()) {
                        firstError.compareAndSet(null, sample.error());
                    } else {
                        answered.set(true);
                    }
                    progress.update(p.done(), p.total(), p.describe());
                    // Samples may arrive faster than frames: one pending UI update carries the newest progress.
                    if (newest.getAndSet(p) == null) {
                        tasks.uiThread().execute(() -> live.put(run.id(), newest.getAndSet(null)));
                    }
                }, () -> cancelRequested.get() || progress.isCancelled()))
                .onSuccess(status -> {
                    finished(run.id());
                    if (status == RunStatus.COMPLETED && firstError.get() != null && !answered.get()) {
                        report(new Problem("Run #" + run.id() + " got no answer", firstError.get()), failed);
                    }
                })
                .onCancelled(() -> finished(run.id()))
                .onFailure(error -> {
                    finished(run.id());
                    report(Problem.of("Run #" + run.id() + " stopped", error), failed);
                }));
        reload();
    }

    private void report(Problem failure, Consumer<Problem> failed) {
        problem.set(failure);
        failed.accept(failure);
    }

    /** Asks a run to stop; requests in flight finish, and their samples are kept. */
    public void cancel(long runId) {
        AtomicBoolean cancelRequested = running.get(runId);
        if (cancelRequested != null) {
            cancelRequested.set(true);
        }
    }

    private void finished(long runId) {
        running.remove(runId);
        live.remove(runId);
        reload();
    }

    /** Runs that can be resumed: any run not running now (a completed run may have failed samples). */
    public static boolean resumable(RunInfo run) {
        return run.status() != RunStatus.COMPLETED || run.failures() > 0 || run.samples() < run.config().target();
    }
}
