package io.siftbench.model.runs;

import java.util.function.BooleanSupplier;

/**
 * Starts and resumes runs of one project: plans the run's slots from its stored configuration (the same
 * seed gives the same plan), then lets the {@link RunEngine} send what is missing. The caller chooses the
 * thread: the command line runs it in the foreground, the window as a background task.
 */
public final class RunLauncher {

    /** Plans every slot of a run from its configuration alone, so that a resume plans the same slots. */
    @FunctionalInterface
    public interface Planner {
        RunPlan plan(RunInfo run);
    }

    /** Makes the sample source (backend, parsing, validation, votes) for a run. */
    @FunctionalInterface
    public interface Sources {
        RunEngine.SampleSource forRun(RunInfo run);
    }

    private final RunStore runs;
    private final RunEngine engine;
    private final Planner planner;
    private final Sources sources;

    public RunLauncher(RunStore runs, SampleStore samples, Planner planner, Sources sources) {
        this.runs = runs;
        this.engine = new RunEngine(runs, samples);
        this.planner = planner;
        this.sources = sources;
    }

    /** Stores a new run; {@link #execute} then generates its samples. */
    public RunInfo create(RunConfig config) {
        long id = runs.create(config);
        return runs.find(id).orElseThrow();
    }

    /** Generates the missing samples of {@code runId} on the calling thread, until done or cancelled. */
    public RunStatus execute(long runId, RunEngine.Listener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        RunInfo run = runs.find(runId)
                .orElseThrow(() -> new IllegalArgumentException("There is no run " + runId + " in this project."));
        RunPlan plan;
        RunEngine.SampleSource source;
        try {
            plan = planner.plan(run);
            source = sources.forRun(run);
        } catch (RuntimeException | Error e) {
            // A run that cannot be planned (its dataset gone, a demonstration source missing, a template that cannot
            // be rendered) has not started: it says failed, so that the Runs screen offers a resume once the cause
            // is fixed, never "running" — not even when planning dies of an Error.
            runs.setStatus(runId, RunStatus.FAILED);
            throw e;
        }
        return engine.run(runId, plan, run.config().concurrency(), source, listener, cancelled);
    }
}
