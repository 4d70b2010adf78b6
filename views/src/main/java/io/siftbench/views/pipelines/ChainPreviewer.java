package io.siftbench.views.pipelines;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.views.task.BackgroundTask;

/**
 * Runs a few slots of a pipeline draft through its whole chain now, step after step, each step planned from the
 * samples its input step just made, as a pipeline run would plan it; nothing is stored. The Pipelines editor's
 * "Preview". Built in {@code app}, where backends are, one for each open project.
 */
@FunctionalInterface
public interface ChainPreviewer {

    /**
     * @param draft      the pipeline as edited; checked against the project's prompts first, as saving checks it
     * @param dataset    the dataset a {@code dataset} step annotates (by name), or null
     * @param backend    the backend and model every step is asked of
     * @param parameters the parameters of every request (the seed is set per sample)
     * @param n          how many slots each first step plans; a later step continues each valid sample once
     * @param progress   told as each step starts; checked for a cancel between samples
     */
    ChainPreview preview(
            Pipeline draft,
            String dataset,
            BackendConfig backend,
            GenerationParameters parameters,
            int n,
            BackgroundTask.Progress progress)
            throws Exception;
}
