package io.siftbench.model.backends;

/**
 * How an OpenAI-compatible server is sent an output schema. Some llama.cpp server builds silently ignore
 * {@code response_format: {type: json_schema}} but honour {@code {type: json_object, schema: …}}.
 */
public enum SchemaStyle {
    /** {@code response_format: {type: "json_schema", json_schema: {name, schema}}}, as OpenAI defines it. */
    JSON_SCHEMA("json_schema"),
    /** {@code response_format: {type: "json_object", schema: …}}, as llama.cpp's server reads it. */
    JSON_OBJECT("json_object + schema");

    private final String title;

    SchemaStyle(String title) {
        this.title = title;
    }

    /** The style as the user sees it named: the {@code response_format} type it sends. */
    public String title() {
        return title;
    }
}
