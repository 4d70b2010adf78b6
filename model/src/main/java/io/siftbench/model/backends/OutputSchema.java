package io.siftbench.model.backends;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The JSON schema a prompt declares for its output ({@code output.schema} in the prompt file). It is sent
 * to the backend in the backend's own form, and every output is validated against it by
 * {@link OutputValidator} whatever the backend claims to enforce.
 */
public record OutputSchema(JsonNode schema) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public OutputSchema {
        Objects.requireNonNull(schema, "schema");
        if (!schema.isObject()) {
            throw new IllegalArgumentException("An output schema must be a JSON object, got: " + schema);
        }
        schema = schema.deepCopy();
    }

    public static OutputSchema parse(String json) {
        try {
            return new OutputSchema(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The output schema is not valid JSON at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /** {@code {"label": one of labels}}: what an annotate-mode prompt asks for. */
    public static OutputSchema label(List<String> labels) {
        ObjectNode root = JSON.createObjectNode().put("type", "object");
        ObjectNode label = root.putObject("properties").putObject("label").put("type", "string");
        ArrayNode allowed = label.putArray("enum");
        labels.forEach(allowed::add);
        root.putArray("required").add("label");
        return new OutputSchema(root);
    }

    /** The schema as compact JSON text, as it is sent to a backend. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JsonNode schema() {
        return schema.deepCopy();
    }
}
