package io.siftbench.model.backends;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A request running in the background, which can be awaited or cancelled. */
public final class PendingGeneration {

    private final Future<Generation> future;
    private final Runnable freeSlot;

    PendingGeneration(Future<Generation> future, Runnable freeSlot) {
        this.future = future;
        this.freeSlot = freeSlot;
    }

    /**
     * Stops the request: its slot is free for the next request at once, and nothing more is streamed.
     */
    public void cancel() {
        future.cancel(true);
        freeSlot.run();
    }

    public boolean isDone() {
        return future.isDone();
    }

    /**
     * The generation, once it is there.
     *
     * @throws GenerationException   when it failed for good
     * @throws CancellationException when it was cancelled
     */
    public Generation await() throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
