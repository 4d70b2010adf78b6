package io.siftbench.model.backends;

/** The three ways a researcher runs a local model. */
public enum BackendKind {
    /** An Ollama server: lists its models from {@code /api/tags}. */
    OLLAMA("Ollama"),
    /** Any OpenAI-compatible server (llama.cpp server, LM Studio, vLLM, LocalAI, Jan): {@code /v1/models}. */
    OPENAI("OpenAI-compatible"),
    /** A GGUF file run in-process, with no server at all. */
    GGUF("GGUF file");

    private final String title;

    BackendKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The kind as typed on the command line ({@code ollama}, {@code openai}, {@code gguf}). */
    public static BackendKind parse(String text) {
        for (BackendKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown backend kind '" + text + "': use ollama, openai or gguf");
    }
}
