package io.siftbench.model.backends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The servers one client sends to, each behind its own limit of requests in flight. A request goes to the server
 * with the fewest in flight relative to its limit (ties to the one chosen longest ago, so that a light load still
 * reaches every server). A server that failed rests for a while, its back-off growing with each failure in a row,
 * and gets nothing until its rest is over; a request finding every server resting waits for the first to come back.
 * With one server there is nowhere else to go, so it never rests: its requests retry as they always did.
 */
final class EndpointPool {

    /** One server: its backend, its limit and what the pool knows of it. Guarded by the pool. */
    static final class Lane {
        final ChatBackend backend;
        final String location;
        final int limit;
        int inFlight;
        int failures;
        long restedUntil;
        long chosen;

        /** Resting: failed, and its rest is not over. (Only differences of {@code nanoTime} mean anything.) */
        boolean resting(long now) {
            return failures > 0 && restedUntil - now > 0;
        }

        private Lane(ChatBackend backend, int limit) {
            this.backend = backend;
            this.location = backend.config().location();
            this.limit = limit;
        }
    }

    private final List<Lane> lanes = new ArrayList<>();
    private long choices;

    /** @param backends one backend per server, each with its own {@code maxInFlight} */
    EndpointPool(List<ChatBackend> backends) {
        backends.forEach(b -> lanes.add(new Lane(b, b.config().maxInFlight())));
    }

    ChatBackend first() {
        return lanes.get(0).backend;
    }

    List<ChatBackend> backends() {
        return lanes.stream().map(l -> l.backend).toList();
    }

    /** Waits for a server with room that is not resting, and takes a place there. */
    synchronized Lane acquire() {
        try {
            while (true) {
                long now = System.nanoTime();
                Lane best = null;
                long nextBack = Long.MAX_VALUE;
                for (Lane l : lanes) {
                    if (l.resting(now)) {
                        nextBack = Math.min(nextBack, l.restedUntil - now);
                    } else if (l.inFlight < l.limit && (best == null || lighter(l, best))) {
                        best = l;
                    }
                }
                if (best != null) {
                    best.inFlight++;
                    best.chosen = ++choices;
                    return best;
                }
                if (nextBack == Long.MAX_VALUE) {
                    wait();
                } else {
                    long millis = Math.max(1, nextBack / 1_000_000);
                    wait(millis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Generation cancelled while waiting for a free slot");
        }
    }

    /** Fewer in flight for its limit; at a tie, chosen longer ago. */
    private static boolean lighter(Lane a, Lane b) {
        long cross = (long) a.inFlight * b.limit - (long) b.inFlight * a.limit;
        return cross < 0 || (cross == 0 && a.chosen < b.chosen);
    }

    synchronized void release(Lane lane) {
        lane.inFlight--;
        notifyAll();
    }

    /** The server answered: its back-off starts again from the beginning. */
    synchronized void answered(Lane lane) {
        lane.failures = 0;
    }

    /**
     * Rests a server that failed (where there are others to send to): for the wait it asked for, or else for the
     * retry policy's back-off after its failures in a row. Requests failing there together while it already rests
     * count as one failure, so that a server with many in flight is not rested for minutes by one outage.
     *
     * @return whether another server is there to try at once, so that this failure need not count against the request
     */
    synchronized boolean rest(Lane lane, RetryPolicy retry, Duration asked) {
        if (lanes.size() == 1) {
            return false;
        }
        long now = System.nanoTime();
        if (!lane.resting(now)) {
            lane.failures++;
            Duration rest = asked != null ? asked : retry.delay(lane.failures, ThreadLocalRandom.current());
            lane.restedUntil = now + rest.toNanos();
        }
        notifyAll();
        return lanes.stream().anyMatch(l -> !l.resting(now));
    }

    int size() {
        return lanes.size();
    }

    synchronized List<EndpointLoad> loads() {
        long now = System.nanoTime();
        return lanes.stream()
                .map(l -> new EndpointLoad(l.location, l.inFlight, l.limit, l.resting(now)))
                .toList();
    }

    synchronized int inFlight() {
        return lanes.stream().mapToInt(l -> l.inFlight).sum();
    }
}
