package io.siftbench.views.runs;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.pipelines.PipelineStore;

/** What the New pipeline run form reads of the open project: the pipelines and their versions, the datasets. */
public record NewPipelineRunSources(PipelineStore pipelines, DatasetStore datasets) {}
