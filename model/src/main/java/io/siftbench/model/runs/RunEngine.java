package io.siftbench.model.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Sends a run's missing slots to the model, {@code concurrency} at a time, and commits each sample the
 * moment it arrives (samples arriving together share a commit: {@link GroupCommit}). The plan is fixed by the seed before anything is sent, so a run that was cancelled,
 * crashed or killed resumes by sending exactly the slots that have no sample: none twice, none lost. The slots
 * are made (read, rendered) by a {@link SlotFeed} as the workers take them, not all before the first is sent.
 */
public final class RunEngine {

    /** Produces the sample for one slot: the request to the backend, parsing and validation. */
    @FunctionalInterface
    public interface SampleSource {
        Sample generate(long runId, Slot slot) throws InterruptedException;
    }

    /** Told of every stored sample, from the worker threads. */
    @FunctionalInterface
    public interface Listener {
        void sampleStored(Sample sample, RunProgress progress);
    }

    private final RunStore runs;
    private final SampleStore samples;

    public RunEngine(RunStore runs, SampleStore samples) {
        this.runs = runs;
        this.samples = samples;
    }

    /**
     * Runs the slots of {@code plan} that have no sample yet and returns the run's final status: completed
     * when every slot has a sample, cancelled when {@code cancelled} turned true, failed when storing or making
     * a slot failed.
     */
    public RunStatus run(
            long runId,
            RunPlan plan,
            int concurrency,
            SampleSource source,
            Listener listener,
            BooleanSupplier cancelled)
            throws InterruptedException {
        BitSet missing = missing(plan, samples.doneSlotKeys(runId));
        runs.setStatus(runId, RunStatus.RUNNING);

        long start = System.nanoTime();
        AtomicInteger doneCount = new AtomicInteger(plan.size() - missing.cardinality());
        AtomicInteger thisSession = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong tokens = new AtomicLong();
        AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();
        SlotFeed feed = new SlotFeed(plan.slots(missing.stream().iterator()), "siftbench-plan-" + runId);

        GroupCommit commits = new GroupCommit(samples);
        Runnable worker = () -> {
            while (storeFailure.get() == null && !cancelled.getAsBoolean()) {
                Slot slot;
                Sample generated;
                try {
                    slot = feed.next();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    storeFailure.compareAndSet(null, e); // its record gone, its template: the run cannot go on
                    return;
                }
                if (slot == null) {
                    return;
                }
                try {
                    generated = source.generate(runId, slot);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (cancelled.getAsBoolean() && generated.failed()) {
                    return; // a request cut short by the cancel is no answer; resume sends it again
                }
                Sample stored;
                try {
                    stored = commits.add(generated);
                } catch (RuntimeException e) {
                    storeFailure.compareAndSet(null, e);
                    return;
                }
                if (stored.failed()) {
                    failures.incrementAndGet();
                }
                tokens.addAndGet(nullToZero(stored.promptTokens()) + nullToZero(stored.completionTokens()));
                RunProgress progress = new RunProgress(
                        doneCount.incrementAndGet(),
                        plan.size(),
                        failures.get(),
                        tokens.get(),
                        thisSession.incrementAndGet(),
                        Duration.ofNanos(System.nanoTime() - start));
                listener.sampleStored(stored, progress);
            }
        };

        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "siftbench-run-" + runId);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(worker));
            }
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    storeFailure.compareAndSet(null, new IllegalStateException(e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            runs.setStatus(runId, RunStatus.CANCELLED);
            throw e;
        } finally {
            pool.shutdownNow();
            feed.close();
        }

        RunStatus status;
        if (storeFailure.get() != null) {
            status = RunStatus.FAILED;
        } else if (feed.ended() && !cancelled.getAsBoolean()) {
            status = RunStatus.COMPLETED; // failed requests included: a resume tries them again
        } else {
            status = RunStatus.CANCELLED;
        }
        runs.setStatus(runId, status);
        if (storeFailure.get() != null) {
            throw storeFailure.get();
        }
        return status;
    }

    /** The ordinals of the slots of {@code plan} whose key is not {@code done}: a bit a slot. */
    private static BitSet missing(RunPlan plan, Set<String> done) {
        BitSet missing = new BitSet(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            if (!done.contains(plan.key(i))) {
                missing.set(i);
            }
        }
        return missing;
    }

    private static long nullToZero(Integer value) {
        return value == null ? 0 : value;
    }
}
