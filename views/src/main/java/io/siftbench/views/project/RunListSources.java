package io.siftbench.views.project;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.runs.RunStore;

/** What a screen's list of runs reads: the runs, and the datasets their settings name. */
public record RunListSources(RunStore runs, DatasetStore datasets) {}
