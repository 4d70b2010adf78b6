package io.siftbench.views.prompts;

import io.siftbench.model.datasets.DatasetStore;

/**
 * What the studio's Preview uses of the open project: the datasets it reads a record from, and the previewer that
 * samples the draft against the project. Compared by its parts, so the previewer of one project must equal another
 * made afresh for the same project.
 */
public record PreviewSources(DatasetStore datasets, PromptPreviewer previewer) {}
