package io.siftbench.views.runs;

import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * Starts, resumes and cancels the open project's pipeline runs in this window, as {@code run --pipeline} does: the
 * pipeline run stored with its first step's run, then its steps generated in order in the background
 * ({@link PipelineRunner#execute}), each step's live progress kept by its run id. Call from the UI thread.
 */
public final class PipelineRunStarter {

    private final ObservableValue<PipelineRunner> runner;
    private final TaskExecutor tasks;
    private final ObservableMap<Long, RunProgress> live = FXCollections.observableHashMap();
    private final ObservableSet<Long> running = FXCollections.observableSet();
    private final Map<Long, AtomicBoolean> cancelRequests = new HashMap<>();

    /** @param runner the runner of the open project's pipeline runs; null while no project is open */
    public PipelineRunStarter(ObservableValue<PipelineRunner> runner, TaskExecutor tasks) {
        this.runner = runner;
        this.tasks = tasks;
    }

    /**
     * Stores a new run of {@code version} in the background, tells {@code created} its id (on the UI thread), then
     * runs its steps; {@code failed} hears why it could not be stored or stopped.
     */
    public void start(
            StoredPipeline version, PipelineSettings settings, Consumer<Long> created, Consumer<Problem> failed) {
        PipelineRunner open = runner.getValue();
        if (open == null) {
            return;
        }
        tasks.execute(BackgroundTask.of("Creating a pipeline run", p -> open.start(version, settings))
                .quiet()
                .onSuccess(id -> {
                    created.accept(id);
                    resume(id, failed);
                })
                .onFailure(e -> failed.accept(Problem.of("The pipeline run could not be created", e))));
    }

    /** Generates what is missing of pipeline run {@code id}, step by step, in the background. */
    public void resume(long id, Consumer<Problem> failed) {
        PipelineRunner open = runner.getValue();
        if (open == null || running.contains(id)) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Long> stepRuns = new CopyOnWriteArrayList<>();
        cancelRequests.put(id, cancelled);
        running.add(id);
        tasks.execute(BackgroundTask.of(
                        "Pipeline run " + id,
                        progress -> open.execute(
                                id,
                                (step, definition, run) -> {
                                    AtomicReference<RunProgress> newest = new AtomicReference<>();
                                    stepRuns.add(run.id());
                                    return (sample, p) -> {
                                        progress.update(p.done(), p.total(), definition.name() + ": " + p.describe());
                                        // One pending UI update carries the newest progress, however fast samples come.
                                        if (newest.getAndSet(p) == null) {
                                            tasks.uiThread().execute(() -> live.put(run.id(), newest.getAndSet(null)));
                                        }
                                    };
                                },
                                () -> cancelled.get() || progress.isCancelled()))
                .onSuccess(outcome -> {
                    finished(id, stepRuns);
                    if (outcome.status() != RunStatus.COMPLETED && outcome.status() != RunStatus.CANCELLED) {
                        failed.accept(new Problem(
                                "Pipeline run " + id + " stopped at step " + (outcome.stopped() + 1),
                                "Its run is " + outcome.status().id() + "; resume it to go on."));
                    } else if (!outcome.stepRuns().isEmpty()
                            && outcome.stepRuns().get(outcome.stopped()).failures() > 0) {
                        failed.accept(new Problem(
                                "Pipeline run " + id + " stopped at step " + (outcome.stopped() + 1),
                                outcome.stepRuns().get(outcome.stopped()).failures()
                                        + " requests failed; resume it to try them again."));
                    }
                })
                .onCancelled(() -> finished(id, stepRuns))
                .onFailure(e -> {
                    finished(id, stepRuns);
                    failed.accept(Problem.of("Pipeline run " + id + " stopped", e));
                }));
    }

    /** Asks a pipeline run to stop; requests in flight finish, and their samples are kept. */
    public void cancel(long id) {
        AtomicBoolean requested = cancelRequests.get(id);
        if (requested != null) {
            requested.set(true);
        }
    }

    public boolean isRunning(long id) {
        return running.contains(id);
    }

    /** The pipeline runs going on in this window. */
    public ObservableSet<Long> running() {
        return running;
    }

    /** The live progress of the step runs going on, by run id. */
    public ObservableMap<Long, RunProgress> live() {
        return live;
    }

    private void finished(long id, List<Long> stepRuns) {
        cancelRequests.remove(id);
        running.remove(id);
        stepRuns.forEach(live::remove);
    }
}
