package io.siftbench.model.backends;

/**
 * One server of a backend as a run's client sees it now: its requests in flight against its limit, and whether it
 * is resting after a failure.
 */
public record EndpointLoad(String location, int inFlight, int limit, boolean resting) {}
