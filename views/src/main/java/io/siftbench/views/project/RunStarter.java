package io.siftbench.views.project;

import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunFailures;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * Starts, resumes and cancels the open project's runs in this window, and keeps their live progress: one for the
 * whole window, so that a run started from Compare shows its progress and its problem on the Runs screen, and the
 * screens following a run (Review, Compare) hear its samples whichever screen started it.
 * Call from the UI thread; the live progress and the running runs change there.
 */
public final class RunStarter {

    private final ObservableValue<RunLauncher> launcher;
    private final TaskExecutor tasks;
    private final ObservableMap<Long, RunProgress> live = FXCollections.observableHashMap();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableMap<Long, RunProgress> liveReadOnly = FXCollections.unmodifiableObservableMap(live);
    /** The cancel request of each run going on, by run id. */
    private final Map<Long, AtomicBoolean> cancelRequests = new HashMap<>();

    private final ObservableSet<Long> running = FXCollections.observableSet();
    private final ObservableSet<Long> runningReadOnly = FXCollections.unmodifiableObservableSet(running);
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");

    /** @param launcher the launcher of the open project's runs, on its backends; null while no project is open */
    public RunStarter(ObservableValue<RunLauncher> launcher, TaskExecutor tasks) {
        this.launcher = launcher;
        this.tasks = tasks;
    }

    /** Progress of the runs going on in this window, by run id. */
    public ObservableMap<Long, RunProgress> live() {
        return liveReadOnly;
    }

    /** The ids of the runs going on in this window: one is added as it starts and removed as it stops. */
    public ObservableSet<Long> running() {
        return runningReadOnly;
    }

    /** What went wrong with the newest run started or resumed; null while nothing did. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean isRunning(long runId) {
        return running.contains(runId);
    }

    /**
     * Stores a new run of {@code config} in the background, tells {@code created} (on the UI thread) which run it
     * is, then starts generating its samples: a screen that shows the run can list it before its first sample.
     * When the run cannot be stored, or stops on an error, {@code failed} hears the problem the Runs screen
     * shows, so that the screen that asked for the run can say what went wrong where the researcher looks.
     */
    public void start(RunConfig config, Consumer<RunInfo> created, Consumer<Problem> failed) {
        RunLauncher open = launcher.getValue();
        if (open == null) {
            return;
        }
        problem.set(null); // what went wrong before is not this run's problem
        tasks.execute(BackgroundTask.of("Creating a run", progress -> open.create(config))
                .quiet()
                .onSuccess(run -> {
                    created.accept(run);
                    resume(run, failed);
                })
                .onFailure(error -> report(Problem.of("The run could not be created", error), failed)));
    }

    /**
     * Generates the missing samples of {@code run} in the background: a resume, or the first go. {@code failed}
     * also hears the problem when the run stops on an error, or completes without a single answer (every request
     * failed: a backend that cannot be reached, say).
     */
    public void resume(RunInfo run, Consumer<Problem> failed) {
        RunLauncher open = launcher.getValue();
        if (open == null || running.contains(run.id())) {
            return;
        }
        problem.set(null);
        AtomicBoolean cancelRequested = new AtomicBoolean();
        AtomicReference<RunProgress> newest = new AtomicReference<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicBoolean answered = new AtomicBoolean();
        RunFailures failures = new RunFailures();
        AtomicInteger slots = new AtomicInteger(run.config().target());
        cancelRequests.put(run.id(), cancelRequested);
        running.add(run.id());
        tasks.execute(BackgroundTask.of(
                        "Run #" + run.id(),
                        progress -> open.execute(
                                run.id(),
                                (sample, p) -> {
                                    failures.count(sample);
                                    slots.set(p.total());
                                    if (sample.failed()) {
                                        firstError.compareAndSet(null, sample.error());
                                    } else {
                                        answered.set(true);
                                    }
                                    progress.update(p.done(), p.total(), p.describe());
                                    // Samples may arrive faster than frames: one pending UI update carries the newest
                                    // progress.
                                    if (newest.getAndSet(p) == null) {
                                        tasks.uiThread().execute(() -> live.put(run.id(), newest.getAndSet(null)));
                                    }
                                },
                                () -> cancelRequested.get() || progress.isCancelled()))
                .onSuccess(status -> {
                    finished(run.id());
                    if (status == RunStatus.COMPLETED && firstError.get() != null && !answered.get()) {
                        report(new Problem("Run #" + run.id() + " got no answer", firstError.get()), failed);
                    } else if (status == RunStatus.COMPLETED && failures.total() > 0) {
                        // Shown on the Runs screen only: the run has answers, so a screen waiting for them has work.
                        problem.set(new Problem(
                                "Run #" + run.id() + " " + failures.outcome(slots.get()),
                                failures.reasons() + ". Resume it to try them again."));
                    }
                })
                .onCancelled(() -> finished(run.id()))
                .onFailure(error -> {
                    finished(run.id());
                    report(Problem.of("Run #" + run.id() + " stopped", error), failed);
                }));
    }

    /** Asks a run to stop; requests in flight finish, and their samples are kept. */
    public void cancel(long runId) {
        AtomicBoolean cancelRequested = cancelRequests.get(runId);
        if (cancelRequested != null) {
            cancelRequested.set(true);
        }
    }

    private void report(Problem failure, Consumer<Problem> failed) {
        problem.set(failure);
        failed.accept(failure);
    }

    private void finished(long runId) {
        cancelRequests.remove(runId);
        live.remove(runId);
        running.remove(runId);
    }
}
