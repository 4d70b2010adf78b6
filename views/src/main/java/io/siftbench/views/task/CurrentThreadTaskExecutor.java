package io.siftbench.views.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * Runs each task at once on the calling thread and calls its handlers there. View model tests use it to
 * exercise the real work without a toolkit or a race.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        boolean[] cancelled = {false};
        BackgroundTask.Progress progress = new BackgroundTask.Progress() {
            @Override
            public void update(double done, double total, String message) {
                // Nobody watches progress on the calling thread.
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        try {
            task.succeeded(task.run(progress));
        } catch (CancellationException e) {
            task.cancelled();
        } catch (Exception e) {
            task.failed(e);
        }
        return () -> cancelled[0] = true;
    }

    @Override
    public Executor uiThread() {
        return Runnable::run;
    }
}
