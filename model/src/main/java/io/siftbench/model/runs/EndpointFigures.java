package io.siftbench.model.runs;

/**
 * What one endpoint did for a run, read from the run's stored samples (so it survives a restart): the samples it
 * answered, the failed requests whose last attempt went to it, and the latency of its answers.
 *
 * @param endpoint the server's location
 * @param samples  samples it answered (valid or not)
 * @param failed   requests that failed for good with it as the last endpoint tried
 * @param meanLatencyMillis   mean latency of its answers, 0 where it answered none
 * @param medianLatencyMillis median latency of its answers, 0 where it answered none
 */
public record EndpointFigures(
        String endpoint, long samples, long failed, long meanLatencyMillis, long medianLatencyMillis) {}
