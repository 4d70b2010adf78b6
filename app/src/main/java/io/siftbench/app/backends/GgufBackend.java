package io.siftbench.app.backends;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.GenerationRequest;

import java.nio.file.Path;
import java.util.Optional;

/** A GGUF file run in-process; the model loads on the first request and unloads on {@link #close()}. */
final class GgufBackend implements ChatBackend {

    private final BackendConfig config;
    private final GgufChatModel model;

    GgufBackend(BackendConfig config) {
        this.config = config;
        this.model = new GgufChatModel(Path.of(config.location()), config.effectiveThreads(), config.contextSize());
    }

    @Override
    public BackendConfig config() {
        return config;
    }

    @Override
    public ChatRequest toChatRequest(GenerationRequest request) {
        GgufChatRequestParameters.Builder p = RequestParameters.common(GgufChatRequestParameters.builder(),
                config.model(), request.parameters())
                .seed(request.parameters().seed());
        if (request.schema() != null) {
            p.responseFormat(RequestParameters.jsonSchema(request.schema()));
        }
        return ChatRequest.builder().messages(request.messages()).parameters(p.build()).build();
    }

    @Override
    public ChatModel chatModel() {
        return model;
    }

    @Override
    public Optional<StreamingChatModel> streamingModel() {
        return Optional.of(model);
    }

    GgufChatModel model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
