package io.siftbench.model.runs;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run about to start will cost: its number of calls to the model, and the time they take at the speed the
 * newest finished run on the same backend and model measured. A researcher sees "10,003 calls · about 1 h 23 min"
 * before starting, not after.
 */
public final class RunEstimate {

    private RunEstimate() {}

    /**
     * "40 calls (40 samples × 1 vote) · about 20 s, at the 2.0 calls/s run #3 measured on this backend", or the
     * calls alone while no run on the backend has measured its speed.
     */
    public static String of(int samples, int votes, BackendRef backend, List<RunInfo> runs) {
        long calls = (long) samples * votes;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d calls", calls));
        if (votes > 1) {
            text.append(String.format(Locale.ROOT, " (%,d samples × %d votes)", samples, votes));
        }
        Optional<RunInfo> measured = backend == null ? Optional.empty() : measured(backend, runs);
        if (measured.isEmpty()) {
            return text.append(" · no run on this backend has measured its speed yet")
                    .toString();
        }
        double rate = callsPerSecond(measured.get());
        return text.append(" · about ")
                .append(RunProgress.human(Duration.ofMillis((long) (calls / rate * 1000))))
                .append(String.format(
                        Locale.ROOT,
                        ", at the %.1f calls/s run #%d measured on this backend",
                        rate,
                        measured.get().id()))
                .toString();
    }

    /** The newest finished run on {@code backend}'s server and model that answered something. */
    private static Optional<RunInfo> measured(BackendRef backend, List<RunInfo> runs) {
        return runs.stream()
                .filter(r -> r.finishedAt() != null && r.samples() > 0)
                .filter(r -> r.config().backend().equals(backend))
                .filter(r -> callsPerSecond(r) > 0)
                .max(Comparator.comparing(RunInfo::finishedAt));
    }

    private static double callsPerSecond(RunInfo run) {
        double seconds = Duration.between(run.createdAt(), run.finishedAt()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : run.samples() * (double) run.config().votes() / seconds;
    }
}
