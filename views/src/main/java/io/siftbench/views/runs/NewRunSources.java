package io.siftbench.views.runs;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.runs.RunStore;

/**
 * What the New run form reads of the open project: the prompt versions to run, the datasets to annotate (and count
 * a filter's records in), and the runs a judge may score.
 */
public record NewRunSources(PromptStore prompts, DatasetStore datasets, RunStore runs) {}
