package io.siftbench.model.runs;

import io.siftbench.model.prompts.PromptMode;

/**
 * How a run was set up; with the seed it fixes every input, condition value and demonstration.
 *
 * @param promptVersionId the prompt version sent
 * @param mode            annotate or synthesize
 * @param backend         where the text comes from
 * @param parameters      the generation parameters as JSON (temperature, topP, maxTokens, stop, timeoutSeconds);
 *                        runs stored before these were kept apart hold the whole details here as well
 * @param datasetId       the input dataset (annotate), or null
 * @param seed            the run's seed
 * @param concurrency     requests in flight at most
 * @param target          how many samples the run makes when complete
 * @param votes           self-consistency: answers asked per input (1 = none)
 * @param details         every setting as JSON ({@link RunDetails}: the parameters, limit, filter, cells), for
 *                        planning, resuming and re-runs
 */
public record RunConfig(
        long promptVersionId,
        PromptMode mode,
        BackendRef backend,
        String parameters,
        Long datasetId,
        long seed,
        int concurrency,
        int target,
        int votes,
        String details) {

    public RunConfig {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (votes < 1) {
            throw new IllegalArgumentException("votes must be at least 1, not " + votes);
        }
    }

    /** The same run sending another prompt version of the same mode: the inputs and seed stay. */
    public RunConfig withPromptVersion(long versionId) {
        return new RunConfig(
                versionId, mode, backend, parameters, datasetId, seed, concurrency, target, votes, details);
    }

    /** The same run on another backend or model: the inputs and seed stay. */
    public RunConfig withBackend(BackendRef other) {
        return new RunConfig(
                promptVersionId, mode, other, parameters, datasetId, seed, concurrency, target, votes, details);
    }
}
