package io.siftbench.views.task;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A piece of work for the background: what to run, and what to do with its outcome on the UI thread.
 * View models build these and hand them to the {@link TaskExecutor} they were given, so that tests can
 * run the same work on the calling thread.
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {

    /** The work itself; it reports progress and checks for cancellation through {@link Progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** How work tells the user how far it got, and learns that the user cancelled it. */
    public interface Progress {
        void update(double done, double total, String message);

        boolean isCancelled();

        /** Throws {@link java.util.concurrent.CancellationException} once the user has cancelled. */
        default void checkCancelled() {
            if (isCancelled()) {
                throw new java.util.concurrent.CancellationException();
            }
        }
    }

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = result -> {};
    /** Null while the screen that asked has no word for a failure: then the window tells it (see the executor). */
    private Consumer<Throwable> onFailure;

    private Runnable onCancelled = () -> {};
    private boolean showInStatusBar = true;
    /** Whether the outcome is still wanted when it arrives; see {@link #onlyWhile}. */
    private BooleanSupplier wanted = () -> true;

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Called on the UI thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI thread with what went wrong. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI thread when the user cancelled. */
    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Quick queries (a page, a count) need not flicker through the status bar. */
    public BackgroundTask<T> quiet() {
        this.showInStatusBar = false;
        return this;
    }

    /**
     * Hands the outcome (success or failure) to its handlers only if {@code current} still holds when it arrives on
     * the UI thread: a result computed for a project or a request that is no longer current is dropped, never shown.
     * Cancellation is always handed over, so that whatever waits for the task can stop waiting.
     */
    BackgroundTask<T> onlyWhile(BooleanSupplier current) {
        BooleanSupplier before = wanted;
        this.wanted = () -> before.getAsBoolean() && current.getAsBoolean();
        return this;
    }

    public String title() {
        return title;
    }

    public boolean showInStatusBar() {
        return showInStatusBar;
    }

    T run(Progress progress) throws Exception {
        return work.run(progress);
    }

    void succeeded(T result) {
        if (wanted.getAsBoolean()) {
            onSuccess.accept(result);
        }
    }

    /**
     * Hands the failure to the screen's handler. False when there is none and the failure is still wanted: the
     * executor must then tell it itself, so that no failure goes unsaid. A dropped outcome (of a project closed
     * since) is dealt with: it is no longer news.
     */
    boolean failed(Throwable error) {
        if (!wanted.getAsBoolean()) {
            return true;
        }
        if (onFailure == null) {
            return false;
        }
        onFailure.accept(error);
        return true;
    }

    void cancelled() {
        onCancelled.run();
    }
}
