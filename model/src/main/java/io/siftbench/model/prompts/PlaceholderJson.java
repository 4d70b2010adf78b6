package io.siftbench.model.prompts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * How a placeholder that names an object or a list ({@code {{record}}}, {@code {{task}}}, {@code {{labels}}},
 * {@code {{condition}}}, {@code {{sample}}}, {@code {{demos}}}) is written into a prompt: as one line of JSON of
 * exactly what the template sees under that name, keys in their order, e.g.
 * {@code {"text": "Where is my card?", "id": 7}}. Anything else is written as its text.
 */
final class PlaceholderJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line with a space after each colon and comma: what a person (or a model) reads easily. */
    private static final MinimalPrettyPrinter ONE_LINE = new MinimalPrettyPrinter() {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    };

    private PlaceholderJson() {}

    /** The text a placeholder whose value is {@code value} renders as. */
    static CharSequence format(Object value) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof Iterable<?>)) {
            return String.valueOf(value);
        }
        try {
            return JSON.writer(ONE_LINE).writeValueAsString(node(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value as a JSON tree, built by hand rather than by Jackson's bean mapping: a value the template sees is a
     * map, a list, a column value (text, whole or decimal number, boolean, timestamp) or null, and a timestamp is
     * written as its ISO text.
     */
    private static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode json) {
            return json; // before Iterable, which a JSON node is too
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
            return object;
        }
        if (value instanceof Iterable<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(node(v)));
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger n) {
            return NODES.numberNode(n);
        }
        if (value instanceof BigDecimal n) {
            return NODES.numberNode(n);
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return NODES.numberNode(d);
        }
        return NODES.textNode(value.toString());
    }
}
