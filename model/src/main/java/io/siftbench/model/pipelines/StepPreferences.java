package io.siftbench.model.pipelines;

import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.SampleStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The preference pairs of a step that prefers its samples over an earlier step's ({@link StepPreference}): each
 * valid sample of the step's run over the sample of that step in its chain, the refined text over its draft. They
 * are recorded when the step's run has completed, all at once, and recording them again adds none, so a pipeline
 * run killed at any moment ends with each pair exactly once.
 */
public final class StepPreferences {

    private final ChainedSamples chained;
    private final SampleStore samples;
    private final PreferenceStore preferences;

    public StepPreferences(ChainedSamples chained, SampleStore samples, PreferenceStore preferences) {
        this.chained = chained;
        this.samples = samples;
        this.preferences = preferences;
    }

    /**
     * Records the pairs of {@code stepRun}, a run of a step with {@code prefer}, that are not recorded yet.
     *
     * @return how many were new
     */
    public int record(RunInfo stepRun, StepPreference prefer) {
        // The chain of every sample the step continued, read as the step's planning read it: by parent id, its
        // chain's sample of the step preferred over (its id and text).
        Map<Long, Map<String, Object>> over = new HashMap<>();
        for (RunPlanner.Chained c : chained.of(stepRun)) {
            Map<String, Object> earlier = c.steps().get(prefer.over());
            if (earlier != null) {
                over.put(c.parent().id(), earlier);
            }
        }
        List<PreferenceStore.Pair> pairs = new ArrayList<>();
        for (Sample s : samples.list(stepRun.id(), 0, Integer.MAX_VALUE)) {
            Map<String, Object> rejected =
                    s.slot().parentSampleId() == null ? null : over.get(s.slot().parentSampleId());
            // A text that failed validation is no better than its draft; one that changed nothing teaches nothing.
            if (rejected == null || s.failed() || !s.valid() || Objects.equals(s.text(), rejected.get("text"))) {
                continue;
            }
            pairs.add(new PreferenceStore.Pair(s.id(), ((Number) rejected.get("id")).longValue()));
        }
        return preferences.preferFromPipeline(pairs);
    }
}
