package io.siftbench.views.testing;

import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import io.siftbench.views.task.TaskExecutor;
import io.siftbench.views.task.TaskHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Holds each task until the test runs it, in the order the test chooses, on the test's thread: how a test makes
 * an answer arrive late, after the project was switched or a newer request was made.
 */
public final class HeldTasks implements TaskExecutor {

    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final List<BackgroundTask<?>> tasks = new ArrayList<>();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        tasks.add(task);
        return () -> {};
    }

    /** Runs the task asked for {@code index}-th (from 0), and hands its outcome over. */
    public void run(int index) {
        now.execute(tasks.get(index));
    }

    /** How many tasks were asked for so far. */
    public int asked() {
        return tasks.size();
    }

    @Override
    public Executor uiThread() {
        return Runnable::run;
    }
}
