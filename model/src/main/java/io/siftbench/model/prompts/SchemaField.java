package io.siftbench.model.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One field of a generated sample, as the studio's fields editor shows it: a name, a kind, and for a choice its
 * values. A list of them is the flat JSON schema most synthesis prompts need, so that nobody types JSON Schema by
 * hand for "a text and a topic".
 *
 * @param name   the field's name in the sample
 * @param kind   what it holds
 * @param values the values a {@link Kind#CHOICE} may take, else empty
 */
public record SchemaField(String name, Kind kind, List<String> values) {

    /** What a field holds, and the JSON Schema type it is written as. */
    public enum Kind {
        TEXT("text", "string"),
        NUMBER("number", "number"),
        WHOLE_NUMBER("whole number", "integer"),
        YES_NO("yes / no", "boolean"),
        CHOICE("one of", "string");

        private final String title;
        private final String type;

        Kind(String title, String type) {
            this.title = title;
            this.type = type;
        }

        public String title() {
            return title;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public SchemaField {
        values = List.copyOf(values);
    }

    public static SchemaField text(String name) {
        return new SchemaField(name, Kind.TEXT, List.of());
    }

    /** The schema of a sample with {@code fields}, every one of them required: what the studio writes. */
    public static ObjectNode schema(List<SchemaField> fields) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (SchemaField f : fields) {
            if (f.name().isBlank()) {
                continue;
            }
            ObjectNode property = properties.putObject(f.name().strip()).put("type", f.kind().type);
            if (f.kind() == Kind.CHOICE) {
                ArrayNode allowed = property.putArray("enum");
                f.values().forEach(allowed::add);
            }
            required.add(f.name().strip());
        }
        schema.set("required", required);
        return schema;
    }

    /**
     * The fields of {@code schema}, where it is as flat as the fields editor writes: an object of texts, numbers,
     * yes/no and choices. Empty for anything else (nested objects, arrays, formats), which stays JSON to edit.
     */
    public static Optional<List<SchemaField>> of(JsonNode schema) {
        if (schema == null
                || !"object".equals(schema.path("type").asText())
                || !schema.path("properties").isObject()) {
            return Optional.empty();
        }
        List<SchemaField> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (p.size() > (p.has("enum") ? 2 : 1)) {
                return Optional.empty();
            }
            String type = p.path("type").asText();
            if (p.has("enum")) {
                if (!type.equals("string") || !p.get("enum").isArray()) {
                    return Optional.empty();
                }
                List<String> values = new ArrayList<>();
                p.get("enum").forEach(v -> values.add(v.asText()));
                fields.add(new SchemaField(e.getKey(), Kind.CHOICE, values));
                continue;
            }
            Optional<Kind> kind = java.util.Arrays.stream(Kind.values())
                    .filter(k -> k != Kind.CHOICE && k.type.equals(type))
                    .findFirst();
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            fields.add(new SchemaField(e.getKey(), kind.get(), List.of()));
        }
        return Optional.of(fields);
    }
}
