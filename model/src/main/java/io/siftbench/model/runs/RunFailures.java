package io.siftbench.model.runs;

import io.siftbench.model.backends.FailureKind;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The failed slots of one session of a run, by why they failed, tallied as their samples are stored (from the
 * run's worker threads). A session tries every slot without an answer, failed ones included, so when it
 * completes these are all the run's failed slots: the ones a resume tries again.
 */
public final class RunFailures {

    private final Map<FailureKind, Long> byKind = new EnumMap<>(FailureKind.class);

    public synchronized void count(Sample sample) {
        if (sample.failed()) {
            byKind.merge(FailureKind.ofMessage(sample.error()), 1L, Long::sum);
        }
    }

    public synchronized long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Why they failed, most frequent first: "12 timed out, 7 server errors". */
    public synchronized String reasons() {
        return byKind.entrySet().stream()
                .sorted(Map.Entry.<FailureKind, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey().counted(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** "finished with 19 of 300 slots failed", the run's {@code slots} being all it plans. */
    public String outcome(int slots) {
        return "finished with " + total() + " of " + slots + " slots failed";
    }
}
