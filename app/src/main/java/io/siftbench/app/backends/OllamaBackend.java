package io.siftbench.app.backends;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.GenerationRequest;

import java.util.Optional;

/**
 * An Ollama server through langchain4j-ollama. Every request carries {@code keep_alive}, so a run does not
 * reload the model between requests, and an output schema goes as Ollama's {@code format}.
 */
final class OllamaBackend implements ChatBackend {

    private final BackendConfig config;
    private final OllamaChatModel chat;
    private final OllamaStreamingChatModel streaming;

    OllamaBackend(BackendConfig config) {
        this.config = config;
        // langchain4j must not retry on its own: BackendClient retries, with backoff, and counts attempts.
        this.chat = OllamaChatModel.builder().baseUrl(config.location()).modelName(config.model())
                .timeout(Providers.HTTP_TIMEOUT).maxRetries(0).build();
        this.streaming = OllamaStreamingChatModel.builder().baseUrl(config.location()).modelName(config.model())
                .timeout(Providers.HTTP_TIMEOUT).build();
    }

    @Override
    public BackendConfig config() {
        return config;
    }

    @Override
    public ChatRequest toChatRequest(GenerationRequest request) {
        OllamaChatRequestParameters.Builder p = RequestParameters.common(OllamaChatRequestParameters.builder(),
                config.model(), request.parameters())
                .seed(request.parameters().seed())
                .keepAlive(config.keepAlive());
        if (request.schema() != null) {
            p.responseFormat(RequestParameters.jsonSchema(request.schema()));
        }
        return ChatRequest.builder().messages(request.messages()).parameters(p.build()).build();
    }

    @Override
    public ChatModel chatModel() {
        return chat;
    }

    @Override
    public Optional<StreamingChatModel> streamingModel() {
        return Optional.of(streaming);
    }
}
