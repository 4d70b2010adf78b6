package io.siftbench.views.compare;

import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.views.project.RunListSources;

/**
 * What the Compare screen reads and writes: the runs and prompt versions the variants are planned from, the
 * compared runs' samples as the curation filters read them, and the decisions and preferences made in the cells.
 */
public record CompareSources(RunSources runSources, DecisionStore decisions, PreferenceStore preferences) {

    /** What the screen's list of runs reads. */
    public RunListSources runList() {
        return new RunListSources(runSources.runs(), runSources.datasets(), runSources.pipelines());
    }
}
