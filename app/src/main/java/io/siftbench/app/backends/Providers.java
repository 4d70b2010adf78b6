package io.siftbench.app.backends;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;

import java.time.Duration;

/** Builds the langchain4j provider for a backend configuration. */
public final class Providers {

    /**
     * The HTTP clients' own limit, only a backstop: {@code BackendClient} times out each attempt after the
     * request's timeout and gives its slot back.
     */
    static final Duration HTTP_TIMEOUT = Duration.ofMinutes(10);

    private Providers() {
    }

    public static ChatBackend open(BackendConfig config) {
        return switch (config.kind()) {
            case OLLAMA -> new OllamaBackend(config);
            case OPENAI -> new OpenAiBackend(config);
            case GGUF -> new GgufBackend(config);
        };
    }
}
