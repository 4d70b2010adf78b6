package io.siftbench.model.pipelines;

import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunEngine;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The steps that stream ({@link PipelineStep#streams()}): each runs beside the step before it, on a thread of its
 * own, starting once that step has a valid sample. It goes in passes: a pass is an ordinary execution of the step's
 * run, whose plan is one slot per valid sample of the step before present when the pass plans (keyed by that
 * sample, so that no pass sends one twice); after a pass it waits for more samples, and the pass that follows the
 * end of the step before is its last. Killed at any moment, the pipeline's resume starts the passes again and they
 * send exactly what is missing. A streaming step read by a streaming step starts that one the same way.
 */
final class StreamedSteps {

    /** Makes the run of step {@code index} from the runs of the steps before it. */
    @FunctionalInterface
    interface Configure {
        RunConfig of(int index, List<RunInfo> before);
    }

    /** Gives the listener of a step's run, made once per step however many passes it takes. */
    @FunctionalInterface
    interface Listeners {
        RunEngine.Listener of(int index, RunInfo run);
    }

    /** How often a waiting step looks for new samples of the step before. */
    private static final long POLL_MILLIS = 100;

    private final Pipeline pipeline;
    private final RunStore runs;
    private final RunLauncher launcher;
    private final Configure configure;
    private final Listeners listeners;
    private final BooleanSupplier cancelled;

    StreamedSteps(
            Pipeline pipeline,
            RunStore runs,
            RunLauncher launcher,
            Configure configure,
            Listeners listeners,
            BooleanSupplier cancelled) {
        this.pipeline = pipeline;
        this.runs = runs;
        this.launcher = launcher;
        this.configure = configure;
        this.listeners = listeners;
        this.cancelled = cancelled;
    }

    /** Whether step {@code index} exists and streams from the step before it. */
    boolean streams(int index) {
        return index < pipeline.steps().size() && pipeline.steps().get(index).streams();
    }

    /**
     * Starts step {@code index} beside the running step before it, whose run is the last of {@code before};
     * {@code existing} is the step's run when a resume finds one, else null.
     */
    Stream start(int index, List<RunInfo> before, RunInfo existing) {
        Stream stream = new Stream(index, List.copyOf(before), existing);
        stream.thread.start();
        return stream;
    }

    /** One streaming step at work, with the streaming steps that read it. */
    final class Stream {
        private final int index;
        private final List<RunInfo> before;
        private final CountDownLatch parentDone = new CountDownLatch(1);
        private final AtomicReference<RunInfo> run = new AtomicReference<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<RunInfo> made = new ArrayList<>();
        private final Thread thread;

        private Stream(int index, List<RunInfo> before, RunInfo existing) {
            this.index = index;
            this.before = before;
            this.run.set(existing);
            this.thread = new Thread(this::work, "siftbench-pipeline-step-" + index);
            thread.setDaemon(true);
        }

        /** Says that the step before has stopped (completed or not): the next pass is the last. */
        void parentDone() {
            parentDone.countDown();
        }

        /**
         * Waits for this step (and the streaming steps after it) to finish; returns their runs in step order, or
         * none when the step before ended with no valid sample.
         */
        List<RunInfo> join() throws InterruptedException {
            thread.join();
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            return List.copyOf(made);
        }

        private void work() {
            try {
                RunInfo parent = before.get(before.size() - 1);
                if (run.get() == null) {
                    if (!awaitFirstSample(parent.id())) {
                        return; // the step before ended with nothing to continue: the pipeline says so
                    }
                    run.set(launcher.create(configure.of(index, before)));
                }
                RunInfo mine = run.get();
                List<RunInfo> withMine = new ArrayList<>(before);
                withMine.add(mine);
                Stream next = streams(index + 1) ? start(index + 1, withMine, runAfter(mine)) : null;
                try {
                    passes(parent.id(), mine);
                } finally {
                    if (next != null) {
                        next.parentDone();
                    }
                }
                made.add(runs.find(mine.id()).orElseThrow());
                if (next != null) {
                    made.addAll(next.join());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }

        /** The run a resume finds for the step after {@code mine}, if one was made. */
        private RunInfo runAfter(RunInfo mine) {
            return StepRuns.of(runs, StepRuns.linkOf(mine).orElseThrow().pipelineRun()).stream()
                    .skip(index + 1L)
                    .findFirst()
                    .orElse(null);
        }

        /** Waits until run {@code parent} has an answered sample; false when it ended with none. */
        private boolean awaitFirstSample(long parent) throws InterruptedException {
            while (true) {
                boolean ended = parentDone.getCount() == 0;
                if (runs.find(parent).map(RunInfo::lastAnswered).orElse(null) != null) {
                    return true;
                }
                if (ended || cancelled.getAsBoolean()) {
                    return false;
                }
                parentDone.await(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }

        private void passes(long parent, RunInfo mine) throws InterruptedException {
            RunEngine.Listener listener = listeners.of(index, mine);
            // A pass waits for its slowest slot, so each takes at least as many new samples as run at once.
            int batch = Math.max(1, mine.config().concurrency());
            long seen = -batch;
            while (true) {
                // Read before the pass plans: once the step before has ended, this pass sees all it made.
                boolean last = parentDone.getCount() == 0;
                long answered = runs.find(parent).map(RunInfo::samples).orElse(0L);
                if (answered - seen >= batch || last) {
                    seen = answered;
                    RunStatus status = launcher.execute(mine.id(), listener, cancelled);
                    if (last || status != RunStatus.COMPLETED) {
                        return;
                    }
                    // Between passes the step is still at work, whatever the pass said.
                    runs.setStatus(mine.id(), RunStatus.RUNNING);
                }
                if (cancelled.getAsBoolean()) {
                    runs.setStatus(mine.id(), RunStatus.CANCELLED);
                    return;
                }
                parentDone.await(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
    }
}
