package io.siftbench.app.backends;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.siftbench.model.backends.BackendConfig;

/**
 * An Ollama server through langchain4j-ollama. Every request carries {@code keep_alive}, so a run does not
 * reload the model between requests, and an output schema goes as Ollama's {@code format}.
 */
final class OllamaBackend extends ProviderBackend<OllamaChatRequestParameters.Builder> {

    OllamaBackend(BackendConfig config) {
        // langchain4j must not retry on its own: BackendClient retries, with backoff, and counts attempts.
        super(
                config,
                OllamaChatModel.builder()
                        .httpClientBuilder(Providers.http())
                        .baseUrl(config.location())
                        .modelName(config.model())
                        .timeout(Providers.HTTP_TIMEOUT)
                        .maxRetries(0)
                        .build(),
                OllamaStreamingChatModel.builder()
                        .httpClientBuilder(Providers.http())
                        .baseUrl(config.location())
                        .modelName(config.model())
                        .timeout(Providers.HTTP_TIMEOUT)
                        .build());
    }

    @Override
    OllamaChatRequestParameters.Builder parameters() {
        return OllamaChatRequestParameters.builder().keepAlive(config().keepAlive());
    }

    @Override
    void seed(OllamaChatRequestParameters.Builder p, Integer seed) {
        p.seed(seed);
    }
}
