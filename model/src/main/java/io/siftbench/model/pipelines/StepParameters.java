package io.siftbench.model.pipelines;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.siftbench.model.backends.GenerationParameters;
import java.time.Duration;

/**
 * A step's own generation parameters; each one left out (null) is the pipeline run's.
 *
 * @param timeoutSeconds one request's time limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepParameters(Double temperature, Double topP, Integer maxTokens, Long timeoutSeconds) {

    /**
     * {@code run}'s parameters with this step's in their place.
     *
     * @throws IllegalArgumentException when a value is out of range
     */
    public GenerationParameters over(GenerationParameters run) {
        return new GenerationParameters(
                temperature == null ? run.temperature() : temperature,
                topP == null ? run.topP() : topP,
                maxTokens == null ? run.maxTokens() : maxTokens,
                run.seed(),
                run.stop(),
                timeoutSeconds == null ? run.timeout() : Duration.ofSeconds(timeoutSeconds));
    }
}
