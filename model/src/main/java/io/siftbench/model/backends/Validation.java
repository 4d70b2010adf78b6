package io.siftbench.model.backends;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether an output matched the declared schema. {@code value} is the parsed JSON when it did; an invalid
 * output keeps its error, and the {@link Generation} that carries this keeps the raw text.
 */
public record Validation(boolean valid, String error, JsonNode value) {

    /** No schema was declared, so any text is acceptable. */
    public static final Validation NOT_REQUIRED = new Validation(true, null, null);

    public static Validation passed(JsonNode value) {
        return new Validation(true, null, value);
    }

    public static Validation failed(String error) {
        return new Validation(false, error, null);
    }
}
