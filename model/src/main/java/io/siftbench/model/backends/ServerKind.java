package io.siftbench.model.backends;

/**
 * Which server answered "Test connection", as far as it identifies itself. It matters for one thing the
 * protocol leaves open: how an output schema must be sent so that the server enforces it.
 */
public enum ServerKind {
    /** llama.cpp's {@code llama-server}: {@code owned_by: "llamacpp"} in {@code /v1/models}, and {@code GET /props}. */
    LLAMA_CPP("llama.cpp server", SchemaStyle.JSON_OBJECT),
    /** Ollama: {@code GET /api/version}; its own protocol reads the schema from {@code format}. */
    OLLAMA("Ollama", SchemaStyle.JSON_SCHEMA),
    /** vLLM: {@code owned_by: "vllm"}. */
    VLLM("vLLM", SchemaStyle.JSON_SCHEMA),
    /** LM Studio: {@code owned_by: "organization_owner"}, and its own {@code GET /api/v0/models}. */
    LM_STUDIO("LM Studio", SchemaStyle.JSON_SCHEMA),
    /** A server that speaks the OpenAI protocol and says nothing more about itself. */
    OPENAI_COMPATIBLE("OpenAI-compatible server", SchemaStyle.JSON_SCHEMA);

    private final String title;
    private final SchemaStyle schemaStyle;

    ServerKind(String title, SchemaStyle schemaStyle) {
        this.title = title;
        this.schemaStyle = schemaStyle;
    }

    public String title() {
        return title;
    }

    /** The way of sending an output schema that this server honours. */
    public SchemaStyle schemaStyle() {
        return schemaStyle;
    }

    /** The kind a model's {@code owned_by} in {@code /v1/models} names, or null where it names none of them. */
    public static ServerKind ownedBy(String owner) {
        if (owner == null) {
            return null;
        }
        return switch (owner) {
            case "llamacpp" -> LLAMA_CPP;
            case "vllm" -> VLLM;
            case "organization_owner" -> LM_STUDIO;
            default -> null;
        };
    }
}
