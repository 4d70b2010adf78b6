package io.siftbench.views.prompts;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.SampleStore;

/**
 * What the Prompt studio reads and writes of the open project: the prompt versions it lists and saves, and, for the
 * run to judge, the runs with their samples and the records those samples answered.
 */
public record StudioSources(PromptStore prompts, RunStore runs, SampleStore samples, DatasetStore datasets) {}
