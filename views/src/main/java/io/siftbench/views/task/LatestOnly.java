package io.siftbench.views.task;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps one piece of background work in step with what the screen shows, each request superseding those before
 * it: at most one runs at a time, a request made meanwhile waits in the place of any request still waiting (so a
 * burst of requests costs two runs at most, however long the burst), and only the newest request's outcome is
 * handed over. The work is told when it has been superseded, to stop early. Request from the UI thread; the
 * handlers run there.
 */
public final class LatestOnly {

    /** Background work that may stop early once {@code superseded} says a newer request was made. */
    @FunctionalInterface
    public interface Work<T> {
        T run(BooleanSupplier superseded) throws Exception;
    }

    private final TaskExecutor tasks;
    private final String title;
    /** The newest request's number; read by the running work, on its thread, to know it has been superseded. */
    private final AtomicLong newest = new AtomicLong();

    private boolean running;
    private Runnable waiting;

    public LatestOnly(TaskExecutor tasks, String title) {
        this.tasks = tasks;
        this.title = title;
    }

    public <T> void request(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        long asked = newest.incrementAndGet();
        Runnable start = () -> {
            running = true;
            tasks.execute(BackgroundTask.of(title, progress -> work.run(() -> newest.get() != asked))
                    .quiet()
                    .onSuccess(value -> {
                        finished();
                        if (newest.get() == asked) {
                            onSuccess.accept(value);
                        }
                    })
                    .onFailure(error -> {
                        finished();
                        if (newest.get() == asked) {
                            onFailure.accept(error);
                        }
                    })
                    .onCancelled(this::finished));
        };
        if (running) {
            waiting = start;
        } else {
            start.run();
        }
    }

    /** Drops the request still waiting, and the outcome of the one running: nothing is wanted any more. */
    public void clear() {
        newest.incrementAndGet();
        waiting = null;
    }

    private void finished() {
        running = false;
        Runnable next = waiting;
        waiting = null;
        if (next != null) {
            next.run();
        }
    }
}
