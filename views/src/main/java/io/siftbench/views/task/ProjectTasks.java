package io.siftbench.views.task;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;

/**
 * The task runner as a screen uses it: work in the background against the project that is open when the work is
 * asked for, whose outcome reaches the screen only while that project is still the open one. Opening another
 * project (or closing this one) drops every outcome still on its way, so that no screen ever shows one project's
 * runs, samples or counts over another's. Where each new request supersedes the ones before it (a search as the
 * user types, the card of the sample now shown), a {@link Latest} also drops the outcomes of earlier requests.
 * <p>
 * Ask from the UI thread; the handlers run there.
 *
 * @param <P> what a screen works against: the project, or the part of it the screen was given. Compared by
 *     {@code equals}, so that a record of stores made afresh from the same open project (as
 *     {@link ObservableValue#map} does while nothing observes it) is the same project, and one made from another
 *     project's stores is not
 */
public final class ProjectTasks<P> {

    private final ObservableValue<? extends P> project;
    private final TaskExecutor tasks;

    public ProjectTasks(ObservableValue<? extends P> project, TaskExecutor tasks) {
        this.project = Objects.requireNonNull(project);
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** The project open now, or {@code null}. */
    public P open() {
        return project.getValue();
    }

    /** The executor itself, for work that belongs to no project (settings, files) or must outlive a switch. */
    public TaskExecutor executor() {
        return tasks;
    }

    /**
     * Runs {@code onSwitch} with the newly open project (or {@code null}) each time another project is opened or the
     * open one is closed: the one place where a screen clears what it showed and reads the new project.
     */
    public void onSwitch(Consumer<? super P> onSwitch) {
        project.addListener((obs, was, now) -> onSwitch.accept(now));
    }

    /**
     * Starts {@code task}; its outcome is handed over only while the project open now is still open. The task itself
     * works against {@link #open()} as read by the caller just before.
     */
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        P asked = project.getValue();
        return tasks.execute(task.onlyWhile(() -> Objects.equals(project.getValue(), asked)));
    }

    /**
     * {@code handler} as the outcome of work run elsewhere (a {@link SerialTaskQueue}, which writes before it reads)
     * should reach it: only while the project open now is still open.
     */
    public <T> Consumer<T> whileOpen(Consumer<T> handler) {
        P asked = project.getValue();
        return outcome -> {
            if (Objects.equals(project.getValue(), asked)) {
                handler.accept(outcome);
            }
        };
    }

    /** A new channel of requests of which only the newest one's outcome is wanted. */
    public Latest latest() {
        return new Latest();
    }

    /**
     * Requests of which only the newest one's outcome reaches the screen, and only while its project is open. Unlike
     * {@link LatestOnly}, earlier requests are not held back: each runs, and a superseded one's outcome is dropped.
     */
    public final class Latest {

        /** The newest request's number; requests are made and outcomes arrive on the UI thread. */
        private long newest;

        private Latest() {}

        /** Starts {@code task} as the newest request; the outcomes of all earlier ones are dropped from now on. */
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            long asked = ++newest;
            return ProjectTasks.this.execute(task.onlyWhile(() -> newest == asked));
        }

        /**
         * Makes a request as the newest one whose work runs elsewhere (a {@link SerialTaskQueue}): {@code handler}
         * as its outcome should reach it, only while it is still the newest request and its project still open.
         */
        public <T> Consumer<T> whileNewest(Consumer<T> handler) {
            long asked = ++newest;
            return whileOpen(outcome -> {
                if (newest == asked) {
                    handler.accept(outcome);
                }
            });
        }

        /** Drops the outcomes of all requests made so far: nothing they would show is wanted any more. */
        public void clear() {
            newest++;
        }
    }
}
