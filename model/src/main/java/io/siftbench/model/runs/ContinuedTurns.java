package io.siftbench.model.runs;

import java.util.HashSet;
import java.util.Set;

/**
 * Which samples of a dialogue's turn run the next turn went on from: those are lines of a longer conversation; the
 * others end theirs (a stop phrase, the last turn, or an output that failed validation) and are conversations.
 */
public final class ContinuedTurns {

    private ContinuedTurns() {}

    /** The samples of {@code turnRun} that a run of the next turn continues, by id; empty for any other run. */
    public static Set<Long> of(RunStore runs, SampleStore samples, long turnRun) {
        Set<Long> continued = new HashSet<>();
        for (RunInfo next : runs.list()) {
            StepLink link = RunDetails.fromJson(next.config().details()).step();
            if (link != null && link.turn() != null && Long.valueOf(turnRun).equals(link.parentRun())) {
                samples.list(next.id(), 0, Integer.MAX_VALUE)
                        .forEach(s -> continued.add(s.slot().parentSampleId()));
            }
        }
        return continued;
    }
}
