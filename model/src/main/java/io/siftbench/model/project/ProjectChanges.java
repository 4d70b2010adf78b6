package io.siftbench.model.project;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one source of change of an open project: every store tells it each write once the write is committed, on the
 * writing thread, and every screen that shows the project listens, so that a list or a count is current whichever
 * screen, run or command made the change. Listeners must be quick and must not throw: a sample store tells it once
 * per sample.
 */
public final class ProjectChanges {

    private final List<Consumer<ProjectChange>> listeners = new CopyOnWriteArrayList<>();

    /** Tells every listener, on this thread, that {@code change} was committed. */
    public void told(ProjectChange change) {
        listeners.forEach(listener -> listener.accept(change));
    }

    /** Hears each change from now on, on the thread that made it, until the returned handle is run. */
    public Runnable listen(Consumer<ProjectChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
