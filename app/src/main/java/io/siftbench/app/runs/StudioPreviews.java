package io.siftbench.app.runs;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.Providers;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.ServerDetection;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.prompts.PreviewSamples;
import io.siftbench.views.prompts.PromptPreviewer;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The studio's previews of {@code project}'s drafts: a client for the chosen backend, opened for the preview and
 * closed after it (one of the user's backends never probed is probed first, {@code firstUse}), and the draft planned
 * with the draft's own plan seed, so that the same draft previews the same inputs. A record: the previews of one
 * project are equal however often they are made, as the studio's preview compares what it was given to tell whether
 * the project is still the open one.
 */
public record StudioPreviews(Project project, FirstUseDetection firstUse) implements PromptPreviewer {

    @Override
    public PreviewSamples preview(
            PromptVersion draft,
            String dataset,
            Long judgedRun,
            BackendConfig backend,
            GenerationParameters parameters,
            int n,
            BooleanSupplier cancelled)
            throws InterruptedException {
        if (backend == null) {
            throw new IllegalArgumentException("Choose the backend to preview with (add one in Settings).");
        }
        Long datasetId = dataset == null || dataset.isBlank()
                ? null
                : project.datasets()
                        .find(dataset.strip())
                        .map(DatasetInfo::id)
                        .orElseThrow(
                                () -> new ProjectException("There is no dataset '" + dataset + "' in this project."));
        long seed = draft.plan().seed() == null ? 0 : draft.plan().seed();
        ServerDetection detection = firstUse.detect(backend).orElse(null);
        // The server found applies to the backend as the preview asks it (its own model, say).
        BackendConfig used = detection == null
                ? backend
                : backend.withDetected(detection.backend().server());
        try (BackendClient client = new BackendClient(Providers.open(used))) {
            List<Sample> samples = new ProjectRuns(project, run -> client, EmbeddingModels::miniLm)
                    .preview(draft, datasetId, judgedRun, n, seed, client, parameters, cancelled);
            return new PreviewSamples(samples, detection);
        }
    }
}
