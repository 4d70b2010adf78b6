package io.siftbench.model.runs;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;

/**
 * What the researcher asks for when starting a run, from the command line or the New run dialog, before it
 * becomes a {@link RunConfig}: the checks and the target count live here once for both.
 *
 * @param version     the prompt version to send; its mode is the run's mode
 * @param backend     where the text comes from
 * @param details     the generation parameters and, for annotate, the filter and the subset size ({@code limit},
 *                    null = all); the config keeps them whole in {@code details} and the generation parameters
 *                    alone in {@code parameters}
 * @param dataset     the records to annotate, or null when synthesizing
 * @param samples     how many samples to synthesize (ignored when annotating)
 */
public record NewRun(StoredVersion version, BackendRef backend, RunDetails details, DatasetInfo dataset,
                     Integer samples, long seed, int concurrency, int votes) {

    /**
     * The run's configuration.
     *
     * @throws IllegalArgumentException saying what is missing or out of range
     */
    public RunConfig toConfig() {
        return toConfig(dataset == null ? 0 : dataset.rows());
    }

    /**
     * The run's configuration when the run may take {@code available} records: all of the dataset's, or those
     * that match the details' filter.
     *
     * @throws IllegalArgumentException saying what is missing or out of range
     */
    public RunConfig toConfig(long available) {
        if (version == null) {
            throw new IllegalArgumentException("Choose the prompt version to run.");
        }
        if (backend == null || backend.location().isBlank()) {
            throw new IllegalArgumentException("Choose the backend to run on.");
        }
        Long datasetId = null;
        int target;
        if (version.mode() == PromptMode.ANNOTATE) {
            if (dataset == null) {
                throw new IllegalArgumentException("Prompt '" + version.name() + "' annotates: choose the dataset.");
            }
            Integer limit = details.limit();
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("A random subset needs at least 1 record, not " + limit + ".");
            }
            datasetId = dataset.id();
            if (available < 1) {
                throw new IllegalArgumentException(details.filtered()
                        ? "No record of dataset '" + dataset.name() + "' has " + details.whereColumn() + " = "
                                + details.whereValue() + "."
                        : "Dataset '" + dataset.name() + "' has no records.");
            }
            target = (int) (limit == null ? available : Math.min(limit, available));
        } else {
            if (samples == null || samples < 1) {
                throw new IllegalArgumentException("Prompt '" + version.name()
                        + "' synthesizes: say how many samples (at least 1).");
            }
            target = samples;
        }
        details.parameters(); // says which parameter is out of range before anything is stored
        return new RunConfig(version.id(), version.mode(), backend, details.parametersJson(), datasetId, seed,
                concurrency, target, votes, details.toJson());
    }
}
