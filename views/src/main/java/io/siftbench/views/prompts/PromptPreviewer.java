package io.siftbench.views.prompts;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.prompts.PromptVersion;
import java.util.function.BooleanSupplier;

/**
 * Generates a few samples of a draft now, planned and sampled as a run of the open project would be, without
 * storing a run: the studio's "Preview". Built in {@code app}, where backends are, one for each open project.
 */
@FunctionalInterface
public interface PromptPreviewer {

    /**
     * @param dataset    the dataset whose records an annotate draft is sent with (by name); ignored for synthesis
     * @param judgedRun  the run whose first {@code n} answered samples a judge draft scores; ignored for the other
     *                   modes
     * @param backend    the backend and the model to ask for
     * @param parameters the parameters of every request (the seed is set per sample)
     * @param cancelled  checked between samples
     * @return the samples, and what was found out about a backend of the user's never probed before
     */
    PreviewSamples preview(
            PromptVersion draft,
            String dataset,
            Long judgedRun,
            BackendConfig backend,
            GenerationParameters parameters,
            int n,
            BooleanSupplier cancelled)
            throws Exception;
}
