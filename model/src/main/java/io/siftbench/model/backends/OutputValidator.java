package io.siftbench.model.backends;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses a model's raw output as JSON and checks it against the declared schema. Models wrap JSON in a
 * {@code ```json} fence or put a sentence before it, so the first JSON object in the text is taken. The
 * checks cover what prompts declare: {@code type}, {@code properties}, {@code required}, {@code enum},
 * {@code items}, {@code additionalProperties: false}, {@code minimum}/{@code maximum}.
 */
public final class OutputValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Validation validate(String raw, OutputSchema schema) {
        if (schema == null) {
            return Validation.NOT_REQUIRED;
        }
        JsonNode value = firstObject(raw == null ? "" : raw);
        if (value == null) {
            return Validation.failed("no JSON object in the output");
        }
        List<String> errors = new ArrayList<>();
        check(value, schema.schema(), "$", errors);
        return errors.isEmpty() ? Validation.passed(value) : Validation.failed(String.join("; ", errors));
    }

    /** The first '{' from which a whole JSON object parses, or null. */
    private static JsonNode firstObject(String text) {
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            try (JsonParser parser = JSON.createParser(text.substring(start))) {
                JsonNode node = JSON.readTree(parser);
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (JsonProcessingException e) {
                // Not an object here (prose such as "{like this}"); try the next brace.
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> errors) {
        JsonNode type = schema.get("type");
        if (type != null && !matchesType(value, type)) {
            errors.add(path + ": expected " + type.asText(type.toString()) + " but got " + describe(value));
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            errors.add(path + ": " + value + " is not one of " + allowed);
        }
        checkRange(value, schema, path, errors);
        if (value.isObject()) {
            checkObject(value, schema, path, errors);
        }
        JsonNode items = schema.get("items");
        if (value.isArray() && items != null && items.isObject()) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), items, path + "[" + i + "]", errors);
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> errors) {
        JsonNode required = schema.get("required");
        if (required != null) {
            for (JsonNode name : required) {
                if (!value.has(name.asText())) {
                    errors.add(path + ": missing required field '" + name.asText() + "'");
                }
            }
        }
        JsonNode properties = schema.get("properties");
        boolean closed = schema.path("additionalProperties").isBoolean()
                && !schema.get("additionalProperties").asBoolean();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode fieldSchema = properties == null ? null : properties.get(field.getKey());
            if (fieldSchema != null) {
                check(field.getValue(), fieldSchema, path + "." + field.getKey(), errors);
            } else if (closed) {
                errors.add(path + ": unexpected field '" + field.getKey() + "'");
            }
        }
    }

    private static void checkRange(JsonNode value, JsonNode schema, String path, List<String> errors) {
        if (!value.isNumber()) {
            return;
        }
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            errors.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }

    private static boolean matchesType(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (matchesType(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" ->
                value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode option : allowed) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode value) {
        String kind = value.isObject()
                ? "an object"
                : value.isArray()
                        ? "an array"
                        : value.isTextual()
                                ? "a string"
                                : value.isNumber() ? "a number" : value.isBoolean() ? "a boolean" : "null";
        String text = value.toString();
        return kind + " (" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + ")";
    }
}
