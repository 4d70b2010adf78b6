package io.siftbench.views.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * Runs tasks on a pool of daemon threads as JavaFX {@link Task}s, so that their progress and message
 * are properties the status bar can bind to, and their handlers run on the UI thread. Every failure goes to the
 * log with its stack trace; one that no screen has a word for goes to {@link #onUnheardFailure the window}.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FxTaskExecutor.class.getName());

    private final ExecutorService pool;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<Task<?>> runningReadOnly = FXCollections.unmodifiableObservableList(running);
    /** Hears, on the UI thread, the title and the failure of a task whose screen has no handler for failures. */
    private BiConsumer<String, Throwable> unheard = (title, error) -> {};

    public FxTaskExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "siftbench-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(threads);
    }

    /** Where a failure goes that the screen which asked for the work does not show: the window's problem dialog. */
    public void onUnheardFailure(BiConsumer<String, Throwable> window) {
        this.unheard = java.util.Objects.requireNonNull(window);
    }

    /** The tasks now running that the user should see; read and changed on the UI thread only. */
    public ObservableList<Task<?>> running() {
        return runningReadOnly;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Task<T> fx = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(task.title());
                Task<T> self = this;
                return task.run(new BackgroundTask.Progress() {
                    @Override
                    public void update(double done, double total, String message) {
                        updateProgress(done, total);
                        if (message != null) {
                            updateMessage(message);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        // The task's own flag: a bare isCancelled() here would call this method forever.
                        return self.isCancelled() || Thread.currentThread().isInterrupted();
                    }
                });
            }
        };
        fx.setOnSucceeded(e -> {
            running.remove(fx);
            task.succeeded(fx.getValue());
        });
        fx.setOnFailed(e -> {
            running.remove(fx);
            if (fx.getException() instanceof CancellationException) {
                task.cancelled();
            } else {
                LOG.log(Level.WARNING, task.title() + " failed", fx.getException());
                if (!task.failed(fx.getException())) {
                    unheard.accept(task.title(), fx.getException());
                }
            }
        });
        fx.setOnCancelled(e -> {
            running.remove(fx);
            task.cancelled();
        });
        if (task.showInStatusBar()) {
            onFxThread(() -> running.add(fx));
        }
        pool.execute(fx);
        return () -> fx.cancel(true);
    }

    @Override
    public Executor uiThread() {
        return FxTaskExecutor::onFxThread;
    }

    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
