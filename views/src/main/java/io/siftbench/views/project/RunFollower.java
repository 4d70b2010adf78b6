package io.siftbench.views.project;

import io.siftbench.model.runs.RunProgress;
import java.util.function.LongPredicate;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;

/**
 * Lets a screen follow the runs going on in this window: {@code live} is the Runs screen's progress by run
 * id, changed on the UI thread. A screen showing one of those runs is refreshed at its first sample, at
 * most once a second while samples arrive, and once more when the run stops; a run the screen has not
 * listed yet makes it list its runs again.
 */
public final class RunFollower {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    /** When the screen was last refreshed; nanoTime's origin is arbitrary, so start one interval back. */
    private long last = System.nanoTime() - INTERVAL_NANOS;

    private RunFollower() {}

    /**
     * @param known   whether the screen has the run in its list of runs
     * @param shown   whether the screen shows the run's samples now
     * @param relist  lists the screen's runs again
     * @param refresh reads the shown samples again
     */
    public static void follow(
            ObservableMap<Long, RunProgress> live,
            LongPredicate known,
            LongPredicate shown,
            Runnable relist,
            Runnable refresh) {
        RunFollower follower = new RunFollower();
        live.addListener((MapChangeListener<Long, RunProgress>) change -> {
            long runId = change.getKey();
            if (!known.test(runId)) {
                relist.run();
            }
            if (!shown.test(runId)) {
                return;
            }
            long now = System.nanoTime();
            if (!change.wasAdded() || now - follower.last >= INTERVAL_NANOS) {
                follower.last = now;
                refresh.run();
            }
        });
    }
}
