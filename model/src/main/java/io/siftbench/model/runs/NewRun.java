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
 * @param dataset     the records to annotate, or null when synthesizing or judging
 * @param samples     how many samples to synthesize (ignored when annotating or judging)
 * @param judged      the run whose answered samples a judge prompt scores, as listed; null for the other modes
 */
public record NewRun(
        StoredVersion version,
        BackendRef backend,
        RunDetails details,
        DatasetInfo dataset,
        Integer samples,
        long seed,
        int concurrency,
        int votes,
        RunInfo judged) {

    /** A new annotate or synthesize run. */
    public NewRun(
            StoredVersion version,
            BackendRef backend,
            RunDetails details,
            DatasetInfo dataset,
            Integer samples,
            long seed,
            int concurrency,
            int votes) {
        this(version, backend, details, dataset, samples, seed, concurrency, votes, null);
    }

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
        return switch (version.mode()) {
            case ANNOTATE -> annotate(available);
            case SYNTHESIZE -> {
                if (samples == null || samples < 1) {
                    throw new IllegalArgumentException(
                            "Prompt '" + version.name() + "' synthesizes: say how many samples (at least 1).");
                }
                yield config(details, null, samples);
            }
            case JUDGE -> judge();
        };
    }

    private RunConfig annotate(long available) {
        if (dataset == null) {
            throw new IllegalArgumentException("Prompt '" + version.name() + "' annotates: choose the dataset.");
        }
        Integer limit = details.limit();
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("A random subset needs at least 1 record, not " + limit + ".");
        }
        if (available < 1) {
            throw new IllegalArgumentException(
                    details.filtered()
                            ? "No record of dataset '" + dataset.name() + "' has " + details.whereColumn() + " = "
                                    + details.whereValue() + "."
                            : "Dataset '" + dataset.name() + "' has no records.");
        }
        return config(details, dataset.id(), (int) (limit == null ? available : Math.min(limit, available)));
    }

    private RunConfig judge() {
        if (judged == null) {
            throw new IllegalArgumentException(
                    "Prompt '" + version.name() + "' judges: choose the run whose samples it scores.");
        }
        if (judged.config().mode() == PromptMode.JUDGE) {
            throw new IllegalArgumentException("Run " + judged.id()
                    + " is a judge run itself: choose a run of annotated or synthesized samples to judge.");
        }
        if (judged.answered() < 1 || judged.lastAnswered() == null) {
            throw new IllegalArgumentException("Run " + judged.id() + " has no answered samples to judge.");
        }
        if (votes != 1) {
            throw new IllegalArgumentException(
                    "A judge run asks once per sample: leave votes at 1, not " + votes + ".");
        }
        return config(details.judging(judged.id(), judged.lastAnswered()), null, (int) judged.answered());
    }

    private RunConfig config(RunDetails settings, Long datasetId, int target) {
        settings.parameters(); // says which parameter is out of range before anything is stored
        return new RunConfig(
                version.id(),
                version.mode(),
                backend,
                settings.parametersJson(),
                datasetId,
                seed,
                concurrency,
                target,
                votes,
                settings.toJson());
    }
}
