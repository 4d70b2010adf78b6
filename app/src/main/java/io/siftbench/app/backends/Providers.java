package io.siftbench.app.backends;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;
import java.net.http.HttpClient;
import java.time.Duration;

/** Builds the langchain4j provider for a backend configuration. */
public final class Providers {

    /**
     * The HTTP clients' own limit, only a backstop: {@code BackendClient} times out each attempt after the
     * request's timeout and gives its slot back.
     */
    static final Duration HTTP_TIMEOUT = Duration.ofMinutes(10);

    private Providers() {}

    /**
     * The HTTP client for the servers: HTTP/1.1, which every local server speaks. The JDK's default, HTTP/2,
     * tries a cleartext upgrade that local servers do not answer and some mishandle. An error answer keeps its
     * {@code Retry-After}, so that a busy server gets the wait it asked for.
     */
    static JdkHttpClientBuilder http() {
        return JdkHttpClient.builder()
                .httpClientBuilder(RefusalReadingHttpClient.wrapping(
                        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)));
    }

    public static ChatBackend open(BackendConfig config) {
        return switch (config.kind()) {
            case OLLAMA -> new OllamaBackend(config);
            case OPENAI -> new OpenAiBackend(config);
            case GGUF -> new GgufBackend(config);
        };
    }
}
