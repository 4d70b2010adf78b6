package io.siftbench.model.pipelines;

import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.StepLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runs a pipeline run's steps made, found by the step link each carries in its details. */
public final class StepRuns {

    private StepRuns() {}

    /** The pipeline run and step of {@code run}, if it is a step of one. */
    public static Optional<StepLink> linkOf(RunInfo run) {
        return Optional.ofNullable(RunDetails.fromJson(run.config().details()).step());
    }

    /**
     * The runs of the steps of {@code pipelineRunId} made so far, in step order. A run made from a step's run (a
     * Compare variant, a re-run) keeps its link, and so reads the same chain, but the step's run is the first one
     * made for it.
     */
    public static List<RunInfo> of(RunStore runs, long pipelineRunId) {
        Map<Integer, RunInfo> first = new HashMap<>();
        // Newest first: an older run of the same step replaces a newer one.
        for (RunInfo r : runs.list()) {
            linkOf(r).filter(l -> l.pipelineRun() == pipelineRunId).ifPresent(l -> first.put(l.step(), r));
        }
        List<RunInfo> out = new ArrayList<>();
        for (int step = 0; first.containsKey(step); step++) {
            out.add(first.get(step));
        }
        return out;
    }
}
