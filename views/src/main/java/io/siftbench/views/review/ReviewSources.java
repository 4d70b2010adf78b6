package io.siftbench.views.review;

import io.siftbench.model.insights.RunSources;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewStore;
import io.siftbench.views.project.RunListSources;

/**
 * What the Review screen reads and writes: a run's samples, review items, labels and position and the cache of
 * their embeddings, as the curation filters read them, and the decisions made on them, with their undo history.
 */
public record ReviewSources(RunSources runSources, DecisionStore decisions) {

    /** A run's review items and labels, and where the researcher is in its queue. */
    public ReviewStore review() {
        return runSources.review();
    }

    /** What the screen's list of runs reads. */
    public RunListSources runList() {
        return new RunListSources(runSources.runs(), runSources.datasets(), runSources.pipelines());
    }
}
