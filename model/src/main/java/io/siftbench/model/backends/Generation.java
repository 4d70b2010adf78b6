package io.siftbench.model.backends;

import java.time.Duration;

/**
 * One model output with its accounting: the raw text (always kept, valid or not), the tokens the backend
 * counted, the latency of the attempt that answered, the model name the backend reported, why it stopped
 * (langchain4j's finish reason: STOP, LENGTH, …), how many attempts it took and the endpoint that answered (the
 * server's location, one of several where the backend lists several).
 */
public record Generation(
        String text,
        int promptTokens,
        int completionTokens,
        Duration latency,
        String model,
        String finishReason,
        Validation validation,
        int attempts,
        String endpoint) {

    public boolean valid() {
        return validation.valid();
    }
}
