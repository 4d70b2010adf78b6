package io.siftbench.model.backends;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The sampling parameters of one request, the same for every backend. A null {@code seed} lets the
 * backend choose; {@code timeout} bounds each attempt, so a stuck server costs at most that long.
 */
public record GenerationParameters(
        double temperature, double topP, int maxTokens, Integer seed, List<String> stop, Duration timeout) {

    public static final GenerationParameters DEFAULT =
            new GenerationParameters(0.7, 0.95, 512, null, List.of(), Duration.ofSeconds(120));

    public GenerationParameters {
        stop = stop == null ? List.of() : List.copyOf(stop);
        Objects.requireNonNull(timeout, "timeout");
        if (temperature < 0 || topP <= 0 || topP > 1 || maxTokens < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Generation parameters out of range: temperature must be 0 or more, "
                    + "top-p in (0, 1], max tokens at least 1 and the timeout positive (got temperature="
                    + temperature + ", topP=" + topP + ", maxTokens=" + maxTokens + ", timeout=" + timeout + ")");
        }
    }

    public GenerationParameters withMaxTokens(int tokens) {
        return new GenerationParameters(temperature, topP, tokens, seed, stop, timeout);
    }

    public GenerationParameters withSeed(Integer newSeed) {
        return new GenerationParameters(temperature, topP, maxTokens, newSeed, stop, timeout);
    }

    public GenerationParameters withStop(List<String> sequences) {
        return new GenerationParameters(temperature, topP, maxTokens, seed, sequences, timeout);
    }

    public GenerationParameters withTimeout(Duration newTimeout) {
        return new GenerationParameters(temperature, topP, maxTokens, seed, stop, newTimeout);
    }
}
