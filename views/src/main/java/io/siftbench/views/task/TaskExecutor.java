package io.siftbench.views.task;

/** Runs background tasks; the one instance is injected into every view model. */
public interface TaskExecutor {

    /** Starts {@code task} and returns a handle to cancel it. */
    <T> TaskHandle execute(BackgroundTask<T> task);
}
