package io.siftbench.views.project;

import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectChanges;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ObservableValue;

/**
 * The open project's changes as the screens hear them: every write its stores commit, from any thread (a run's
 * samples, a decision made on another screen, a prompt saved, a dataset imported), gathered for a quarter of a
 * second and told on the UI thread as one batch of the kinds that changed. A screen lists its runs again or reads
 * its prompts again when a kind it shows is in a batch, so that it is current within a second without a reopen,
 * and a run storing a hundred samples a second costs it four readings, not a hundred.
 */
public final class ProjectFeed {

    private static final long GATHER_MILLIS = 250;

    /** One timer for every window: it only hands batches to the UI thread. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "project-feed");
        thread.setDaemon(true);
        return thread;
    });

    private record Listener(Set<ProjectChange.Kind> kinds, Runnable heard) {}

    private final Executor uiThread;
    /** Changed on the UI thread only. */
    private final List<Listener> listeners = new ArrayList<>();
    /** The kinds heard since the last batch; guarded by {@code this}. */
    private final Set<ProjectChange.Kind> pending = EnumSet.noneOf(ProjectChange.Kind.class);

    private boolean gathering;
    private Runnable unlisten = () -> {};
    /** Set on the UI thread once the window is gone: a batch still on its way is then told to nobody. */
    private boolean closed;

    /**
     * @param changes  the open project's changes; null while none is open
     * @param uiThread runs a batch's listeners on the UI thread
     */
    public ProjectFeed(ObservableValue<ProjectChanges> changes, Executor uiThread) {
        this.uiThread = uiThread;
        follow(changes.getValue());
        changes.addListener((obs, was, now) -> follow(now));
    }

    /** Runs {@code heard} on the UI thread after each batch that holds one of {@code kinds}. */
    public void listen(Set<ProjectChange.Kind> kinds, Runnable heard) {
        listeners.add(new Listener(EnumSet.copyOf(kinds), heard));
    }

    /** Stops hearing the project, and telling a batch still on its way: call as the window goes. */
    public void close() {
        closed = true;
        unlisten.run();
    }

    private void follow(ProjectChanges now) {
        unlisten.run();
        unlisten = now == null || closed ? () -> {} : now.listen(this::heard);
    }

    private void heard(ProjectChange change) {
        synchronized (this) {
            pending.add(change.kind());
            if (gathering) {
                return;
            }
            gathering = true;
        }
        TIMER.schedule(() -> uiThread.execute(this::tell), GATHER_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tell() {
        Set<ProjectChange.Kind> batch;
        synchronized (this) {
            batch = EnumSet.copyOf(pending);
            pending.clear();
            gathering = false;
        }
        if (closed) {
            return;
        }
        for (Listener listener : List.copyOf(listeners)) {
            if (listener.kinds().stream().anyMatch(batch::contains)) {
                listener.heard().run();
            }
        }
    }
}
