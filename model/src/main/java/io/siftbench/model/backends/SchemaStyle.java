package io.siftbench.model.backends;

/**
 * How an OpenAI-compatible server is sent an output schema. Some llama.cpp server builds silently ignore
 * {@code response_format: {type: json_schema}} but honour {@code {type: json_object, schema: …}}.
 */
public enum SchemaStyle {
    /** {@code response_format: {type: "json_schema", json_schema: {name, schema}}}, as OpenAI defines it. */
    JSON_SCHEMA,
    /** {@code response_format: {type: "json_object", schema: …}}, as llama.cpp's server reads it. */
    JSON_OBJECT
}
