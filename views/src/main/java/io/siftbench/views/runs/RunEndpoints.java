package io.siftbench.views.runs;

import io.siftbench.model.backends.EndpointLoad;
import io.siftbench.model.runs.EndpointFigures;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What each endpoint did for the run chosen on the Runs screen, for a backend spread over several servers: samples,
 * failed requests and latency from the run's stored samples (so they survive a restart), and, while the run goes on
 * in this window, the requests in flight at each endpoint now and whether it rests after a failure. Read in the
 * background, at most once a second while the run goes on.
 */
public final class RunEndpoints {

    /** Between two readings of a run going on: its samples arrive far faster than anyone reads a table. */
    static final long LIVE_EVERY_MILLIS = 1000;

    /**
     * One endpoint's row.
     *
     * @param inFlight its requests in flight now; null where the run is not going on in this window
     */
    public record Row(
            String endpoint,
            long samples,
            long failed,
            long meanLatencyMillis,
            long medianLatencyMillis,
            Integer inFlight,
            boolean resting) {

        /** "3 of 4", "resting", or "" where the run is not going on here. */
        public String inFlightShown(Map<String, Integer> limits) {
            if (inFlight == null) {
                return "";
            }
            String shown = limits.containsKey(endpoint) ? inFlight + " of " + limits.get(endpoint) : "" + inFlight;
            return resting ? shown + " · resting" : shown;
        }
    }

    private final ProjectTasks<SampleStore> reads;
    private final ProjectTasks<SampleStore>.Latest latest;
    private final LongFunction<List<EndpointLoad>> loads;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Map<String, Integer> limits = new LinkedHashMap<>();
    /** What was last read: the run, its stored samples and whether it was going on; and when. */
    private String readFor;

    private long readAt;

    /**
     * @param samples the open project's samples; null while none is open
     * @param loads   each endpoint's load now for a run going on in this window (none for any other)
     */
    public RunEndpoints(
            javafx.beans.value.ObservableValue<SampleStore> samples,
            TaskExecutor tasks,
            LongFunction<List<EndpointLoad>> loads) {
        this.reads = new ProjectTasks<>(samples, tasks);
        this.latest = reads.latest();
        this.loads = loads;
        reads.onSwitch(open -> clear());
    }

    /** Reads {@code run}'s figures again where they may have changed (null: no run chosen). */
    public void show(RunInfo run, boolean running) {
        SampleStore open = reads.open();
        if (run == null || open == null) {
            clear();
            return;
        }
        String key = run.id() + "/" + run.samples() + "/" + run.failures() + "/" + running;
        long now = System.currentTimeMillis();
        boolean sameRun = readFor != null && readFor.startsWith(run.id() + "/");
        if (!sameRun) {
            clear();
        } else if (key.equals(readFor) && (!running || now - readAt < LIVE_EVERY_MILLIS)) {
            return;
        }
        readFor = key;
        readAt = now;
        long id = run.id();
        latest.execute(BackgroundTask.of("Reading the endpoints of run " + id, progress -> {
                    List<EndpointLoad> live = running ? loads.apply(id) : List.of();
                    return new Read(merged(open.endpointFigures(id), live), live);
                })
                .quiet()
                .onSuccess(read -> {
                    limits.clear();
                    read.live().forEach(l -> limits.put(l.location(), l.limit()));
                    rows.setAll(read.rows());
                }));
    }

    /** The stored figures of each endpoint with its load now, where there is one; an endpoint without samples yet too. */
    static List<Row> merged(List<EndpointFigures> stored, List<EndpointLoad> live) {
        Map<String, Row> byEndpoint = new LinkedHashMap<>();
        Map<String, EndpointLoad> loadOf = new LinkedHashMap<>();
        live.forEach(l -> loadOf.put(l.location(), l));
        for (EndpointLoad l : live) {
            byEndpoint.put(l.location(), new Row(l.location(), 0, 0, 0, 0, l.inFlight(), l.resting()));
        }
        for (EndpointFigures f : stored) {
            EndpointLoad l = loadOf.get(f.endpoint());
            // Nothing in flight at an endpoint the run's client no longer lists; unknown where the run is not going on.
            Integer inFlight = l != null ? Integer.valueOf(l.inFlight()) : live.isEmpty() ? null : Integer.valueOf(0);
            byEndpoint.put(
                    f.endpoint(),
                    new Row(
                            f.endpoint(),
                            f.samples(),
                            f.failed(),
                            f.meanLatencyMillis(),
                            f.medianLatencyMillis(),
                            inFlight,
                            l != null && l.resting()));
        }
        return new ArrayList<>(byEndpoint.values());
    }

    private void clear() {
        latest.clear();
        readFor = null;
        limits.clear();
        rows.clear();
    }

    /** The chosen run's endpoints; shown where there are two or more. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** Each endpoint's limit, as the run's client knows it while the run goes on here. */
    public Map<String, Integer> limits() {
        return limits;
    }

    private record Read(List<Row> rows, List<EndpointLoad> live) {}
}
