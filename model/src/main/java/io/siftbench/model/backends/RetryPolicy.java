package io.siftbench.model.backends;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before retry number {@code n}: exponential from {@code baseDelay}, capped at
 * {@code maxDelay}, with jitter so that many requests failing together do not retry in lockstep.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {

    public static RetryPolicy of(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(250), Duration.ofSeconds(10));
    }

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
    }

    /** The wait before retry {@code retry} (1 for the first retry): uniform in [cap/2, cap]. */
    public Duration delay(int retry, RandomGenerator random) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(cap / 2 + random.nextLong(cap / 2 + 1));
    }
}
