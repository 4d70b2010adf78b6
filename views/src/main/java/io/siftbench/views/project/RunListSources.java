package io.siftbench.views.project;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.pipelines.PipelineStore;
import io.siftbench.model.runs.RunStore;

/** What a screen's list of runs reads: the runs, the datasets their settings name and the pipelines of their steps. */
public record RunListSources(RunStore runs, DatasetStore datasets, PipelineStore pipelines) {}
