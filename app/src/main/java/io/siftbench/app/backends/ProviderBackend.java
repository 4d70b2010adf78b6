package io.siftbench.app.backends;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.backends.OutputSchema;
import java.util.Optional;

/**
 * A backend served by one langchain4j provider: its chat model, its streaming model, and its own parameter
 * type, on which the parameters every backend shares are set before the provider adds its own.
 *
 * @param <B> the provider's parameter builder
 */
abstract class ProviderBackend<B extends DefaultChatRequestParameters.Builder<B>> implements ChatBackend {

    private final BackendConfig config;
    private final ChatModel chat;
    private final StreamingChatModel streaming;

    ProviderBackend(BackendConfig config, ChatModel chat, StreamingChatModel streaming) {
        this.config = config;
        this.chat = chat;
        this.streaming = streaming;
    }

    /** A fresh builder of the provider's parameters. */
    abstract B parameters();

    /** Sets the seed, which langchain4j's common parameters lack, on the provider's own parameters. */
    abstract void seed(B parameters, Integer seed);

    /** Sends the output schema in the backend's own form; by default langchain4j's JSON response format. */
    void schema(B parameters, OutputSchema schema) {
        parameters.responseFormat(RequestParameters.jsonSchema(schema));
    }

    @Override
    public final ChatRequest toChatRequest(GenerationRequest request) {
        B p = RequestParameters.common(parameters(), config.model(), request.parameters());
        seed(p, request.parameters().seed());
        if (request.schema() != null) {
            schema(p, request.schema());
        }
        return ChatRequest.builder()
                .messages(request.messages())
                .parameters(p.build())
                .build();
    }

    @Override
    public final BackendConfig config() {
        return config;
    }

    @Override
    public final ChatModel chatModel() {
        return chat;
    }

    @Override
    public final Optional<StreamingChatModel> streamingModel() {
        return Optional.of(streaming);
    }
}
