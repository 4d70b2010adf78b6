package io.siftbench.views.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs work in the background strictly in the order it was submitted, through the injected
 * {@link TaskExecutor}: what piles up while one batch runs goes out together as the next batch, so a
 * researcher deciding faster than the disk never waits, and a decision is never written after the undo that
 * was meant to take it back. Submit from the UI thread; handlers run there too.
 */
public final class SerialTaskQueue {

    /** One piece of work and what to do with its outcome. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private record Pending<T>(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Outcome run() {
            try {
                return new Outcome(work.run(), null);
            } catch (Exception | Error e) {
                return new Outcome(null, e);
            }
        }

        @SuppressWarnings("unchecked")
        void report(Outcome outcome) {
            if (outcome.error() == null) {
                onSuccess.accept((T) outcome.value());
            } else {
                onFailure.accept(outcome.error());
            }
        }
    }

    private record Outcome(Object value, Throwable error) {}

    private final TaskExecutor tasks;
    private final String title;
    private final List<Pending<?>> pending = new ArrayList<>();
    /** Guards running a batch, so that {@link #flush()} runs one that has not started yet itself, in order. */
    private final Object lock = new Object();

    private Batch inFlight;
    private boolean busy;

    /** The work handed to the executor in one go; run once, by the background or by a flush. */
    private static final class Batch {
        final List<Pending<?>> work;
        boolean ran;

        Batch(List<Pending<?>> work) {
            this.work = work;
        }

        /** The outcomes, or null when a flush ran the batch already. */
        List<Outcome> runOnce() {
            if (ran) {
                return null;
            }
            ran = true;
            List<Outcome> outcomes = new ArrayList<>(work.size());
            work.forEach(p -> outcomes.add(p.run()));
            return outcomes;
        }
    }

    public SerialTaskQueue(TaskExecutor tasks, String title) {
        this.tasks = tasks;
        this.title = title;
    }

    public <T> void submit(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(new Pending<>(work, onSuccess, onFailure));
        next();
    }

    /** Whether work is waiting or running. */
    public boolean isIdle() {
        return !busy && pending.isEmpty();
    }

    /**
     * Waits for the running batch and runs what is still waiting on the calling thread, without reporting
     * outcomes: for closing a project or the application, when the work must be on disk before going on.
     */
    public void flush() {
        synchronized (lock) {
            if (inFlight != null) {
                inFlight.runOnce();
            }
            List<Pending<?>> rest = List.copyOf(pending);
            pending.clear();
            rest.forEach(Pending::run);
        }
    }

    private void next() {
        if (busy || pending.isEmpty()) {
            return;
        }
        busy = true;
        Batch batch = new Batch(List.copyOf(pending));
        pending.clear();
        synchronized (lock) {
            inFlight = batch;
        }
        tasks.execute(BackgroundTask.of(title, progress -> {
                    synchronized (lock) {
                        return Optional.ofNullable(batch.runOnce());
                    }
                })
                .quiet()
                .onSuccess(outcomes -> {
                    busy = false;
                    outcomes.ifPresent(o -> {
                        for (int i = 0; i < batch.work.size(); i++) {
                            batch.work.get(i).report(o.get(i));
                        }
                    });
                    next();
                })
                .onFailure(error -> {
                    busy = false;
                    batch.work.forEach(p -> p.onFailure().accept(error));
                    next();
                }));
    }
}
