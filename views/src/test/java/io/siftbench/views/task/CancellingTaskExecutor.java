package io.siftbench.views.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * Runs each task on the calling thread and cancels it, as the user does with the status bar's Cancel, once it has
 * told its progress {@code after} times: how a test stops long work part-way.
 */
public final class CancellingTaskExecutor implements TaskExecutor {

    private final int after;

    public CancellingTaskExecutor(int after) {
        this.after = after;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        int[] told = {0};
        BackgroundTask.Progress progress = new BackgroundTask.Progress() {
            @Override
            public void update(double done, double total, String message) {
                told[0]++;
            }

            @Override
            public boolean isCancelled() {
                return told[0] >= after;
            }
        };
        try {
            task.succeeded(task.run(progress));
        } catch (CancellationException e) {
            task.cancelled();
        } catch (Exception e) {
            task.failed(e);
        }
        return () -> {};
    }

    @Override
    public Executor uiThread() {
        return Runnable::run;
    }
}
