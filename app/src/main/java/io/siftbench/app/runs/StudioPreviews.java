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
import io.siftbench.views.prompts.PreviewSamples;
import io.siftbench.views.prompts.PromptPreviewer;
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
        return withClient(
                firstUse,
                backend,
                (client, detection) -> new PreviewSamples(
                        new ProjectRuns(project, run -> client, EmbeddingModels::miniLm)
                                .preview(draft, datasetId, judgedRun, n, seed, client, parameters, cancelled),
                        detection));
    }

    /** What a preview does with the client of its backend, told what the backend's first use found (or null). */
    @FunctionalInterface
    interface ClientWork<T> {
        T run(BackendClient client, ServerDetection detection) throws InterruptedException;
    }

    /**
     * Opens a client of {@code backend} for one preview and closes it after: one of the user's backends never probed
     * is probed first ({@code firstUse}), and the server found applies to the backend as the preview asks it.
     */
    static <T> T withClient(FirstUseDetection firstUse, BackendConfig backend, ClientWork<T> work)
            throws InterruptedException {
        ServerDetection detection = firstUse.detect(backend).orElse(null);
        BackendConfig used = detection == null
                ? backend
                : backend.withDetected(detection.backend().server());
        try (BackendClient client = new BackendClient(Providers.open(used))) {
            return work.run(client, detection);
        }
    }
}
