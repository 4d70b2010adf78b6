package io.siftbench.app.backends;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.backends.BackendConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The root of an OpenAI-compatible server (its base URL without {@code /v1}), asked whether it answers an
 * endpoint that only one kind of server has. langchain4j has no client for these, so the JDK's asks.
 */
final class ServerRoot {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient client;

    ServerRoot(BackendConfig config, Duration timeout) {
        String base = config.location().replaceAll("/+$", "");
        this.root = base.endsWith("/v1") ? base.substring(0, base.length() - "/v1".length()) : base;
        this.apiKey = OpenAiBackend.key(config);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * True where {@code GET path} answers 200 with a JSON object. Anything else, a failure included, is no:
     * the server has already answered {@code /models}, so this only tells kinds apart.
     */
    boolean answers(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(root + path)).timeout(timeout).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && JSON.readTree(response.body()).isObject();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
