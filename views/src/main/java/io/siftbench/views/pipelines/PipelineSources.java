package io.siftbench.views.pipelines;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.pipelines.PipelineStore;
import io.siftbench.model.prompts.PromptStore;

/**
 * What the Pipelines editor reads and writes of the open project: the pipelines it lists and saves, the prompt
 * versions a step chooses from, the datasets a preview reads, and the previewer that runs a draft through its chain.
 * Compared by its parts, so the previewer of one project must equal another made afresh for the same project.
 */
public record PipelineSources(
        PipelineStore pipelines, PromptStore prompts, DatasetStore datasets, ChainPreviewer previewer) {}
