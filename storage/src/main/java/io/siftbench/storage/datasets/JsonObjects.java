package io.siftbench.storage.datasets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.siftbench.model.datasets.SourceLocation;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;

/** Reads one JSON object into a row, field by field: scalars as their text, objects and arrays as JSON text. */
final class JsonObjects {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(ReadFailures.CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonObjects() {}

    /**
     * Reads the object whose START_OBJECT is the parser's current token.
     *
     * @param where the record's line or number, which becomes the row's source
     */
    static RawRow read(JsonParser p, ColumnNames names, SourceLocation where) throws IOException {
        String[] values = new String[Math.max(names.size(), 4)];
        boolean[] nested = new boolean[values.length];
        int fields = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int known = names.size();
            int at = names.positionOf(p.currentName());
            if (at == known) {
                DatasetTable.requireStorableKey(p.currentName(), at + 1, where);
            }
            if (at >= values.length) {
                values = Arrays.copyOf(values, Math.max(at + 1, values.length * 2));
                nested = Arrays.copyOf(nested, values.length);
            }
            JsonToken value = p.nextToken();
            fields++;
            switch (value) {
                case START_OBJECT, START_ARRAY -> {
                    values[at] = copy(p);
                    nested[at] = true;
                }
                case VALUE_NULL -> values[at] = null;
                default -> values[at] = p.getText();
            }
        }
        return new RawRow(
                where.number(), Arrays.copyOf(values, names.size()), Arrays.copyOf(nested, names.size()), fields);
    }

    /** The structure at the parser, as compact JSON text. */
    private static String copy(JsonParser p) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    /**
     * The record's field the parser is in, however deep inside that field's value it is.
     *
     * @param level how deep records sit: 1 for a JSON Lines object, 2 for an object inside the file's array
     */
    static String fieldOfRecord(JsonParser p, int level) {
        java.util.List<com.fasterxml.jackson.core.JsonStreamContext> chain = new java.util.ArrayList<>();
        for (var ctx = p.getParsingContext(); ctx != null; ctx = ctx.getParent()) {
            chain.add(0, ctx);
        }
        return chain.size() > level && chain.get(level).inObject()
                ? chain.get(level).getCurrentName()
                : null;
    }

    /** "a number", "a string"... for a message about what stood where an object should. */
    static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? "nothing" : "'" + t.asString() + "'";
        };
    }
}
