package io.siftbench.views.insights;

import io.siftbench.model.insights.MetricSnapshots;
import io.siftbench.model.insights.RunSources;
import io.siftbench.views.project.RunListSources;

/**
 * What the Insights screen reads of the open project: the stores a run's samples are measured from, and the metric
 * snapshots that give an unchanged run's metrics at once.
 */
public record InsightsSources(RunSources runSources, MetricSnapshots metricSnapshots) {

    /** What the screen's list of runs reads. */
    public RunListSources runList() {
        return new RunListSources(runSources.runs(), runSources.datasets(), runSources.pipelines());
    }
}
