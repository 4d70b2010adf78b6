package io.siftbench.views.runs;

import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
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
    private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<RunInfo> runsReadOnly = FXCollections.unmodifiableObservableList(runs);
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
        project.addListener((obs, was, now) -> reload());
        reload();
    }

    public ObservableList<RunInfo> runs() {
        return runsReadOnly;
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
        Project open = project.get();
        if (open == null) {
            runs.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Listing runs", progress -> open.runs().list()).quiet()
                .onSuccess(list -> {
                    if (open == project.get()) {
                        runs.setAll(list);
                    }
                }));
    }

    /** Stores a new run of {@code config} in the background, then starts generating its samples. */
    public void start(RunConfig config) {
        start(config, run -> { });
    }

    /**
     * Stores a new run of {@code config} in the background, tells {@code created} (on the UI thread) which run it
     * is, then starts generating its samples: a screen that shows the run can list it before its first sample.
     */
    public void start(RunConfig config, Consumer<RunInfo> created) {
        Project open = project.get();
        if (open == null) {
            return;
        }
        tasks.execute(BackgroundTask.of("Creating a run", progress -> launchers.apply(open).create(config)).quiet()
                .onSuccess(run -> {
                    created.accept(run);
                    resume(run);
                })
                .onFailure(error -> problem.set(Problem.of("The run could not be created", error))));
    }

    /** Generates the missing samples of {@code run} in the background: a resume, or the first go. */
    public void resume(RunInfo run) {
        Project open = project.get();
        if (open == null || running.containsKey(run.id())) {
            return;
        }
        AtomicBoolean cancelRequested = new AtomicBoolean();
        AtomicReference<RunProgress> newest = new AtomicReference<>();
        running.put(run.id(), cancelRequested);
        tasks.execute(BackgroundTask.of("Run #" + run.id(), progress ->
                launchers.apply(open).execute(run.id(), (sample, p) -> {
                    progress.update(p.done(), p.total(), p.describe());
                    // Samples may arrive faster than frames: one pending UI update carries the newest progress.
                    if (newest.getAndSet(p) == null) {
                        tasks.uiThread().execute(() -> live.put(run.id(), newest.getAndSet(null)));
                    }
                }, () -> cancelRequested.get() || progress.isCancelled()))
                .onSuccess(status -> finished(run.id()))
                .onCancelled(() -> finished(run.id()))
                .onFailure(error -> {
                    finished(run.id());
                    problem.set(Problem.of("Run #" + run.id() + " stopped", error));
                }));
        reload();
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
