package io.siftbench.views.task;

import java.util.concurrent.Executor;

/** Runs background tasks; the one instance is injected into every view model. */
public interface TaskExecutor {

    /** Starts {@code task} and returns a handle to cancel it. */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * Where updates from running work reach the UI: the FX application thread in the window, the calling
     * thread in view model tests.
     */
    Executor uiThread();
}
