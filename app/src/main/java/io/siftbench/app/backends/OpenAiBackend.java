package io.siftbench.app.backends;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.backends.SchemaStyle;

import java.util.Map;
import java.util.Optional;

/**
 * An OpenAI-compatible server (llama.cpp server, LM Studio, vLLM, LocalAI, Jan) through langchain4j-open-ai
 * with a base URL. The API key is optional: local servers rarely want one.
 *
 * <p>An output schema goes as {@code response_format: {type: json_schema}}, or, for llama.cpp builds that
 * silently ignore that, as {@code {type: json_object, schema: …}}. langchain4j 1.17 has no field for the
 * latter, so it is sent through {@code customParameters}, which are merged into the request body as they are.
 */
final class OpenAiBackend implements ChatBackend {

    /** Sent where the user gave no key: langchain4j always sends an Authorization header. */
    static final String NO_KEY = "none";

    private final BackendConfig config;
    private final OpenAiChatModel chat;
    private final OpenAiStreamingChatModel streaming;

    OpenAiBackend(BackendConfig config) {
        this.config = config;
        String key = config.hasApiKey() ? config.apiKey() : NO_KEY;
        this.chat = OpenAiChatModel.builder().baseUrl(config.location()).apiKey(key).modelName(config.model())
                .timeout(Providers.HTTP_TIMEOUT).maxRetries(0).build();
        this.streaming = OpenAiStreamingChatModel.builder().baseUrl(config.location()).apiKey(key)
                .modelName(config.model()).timeout(Providers.HTTP_TIMEOUT).build();
    }

    @Override
    public BackendConfig config() {
        return config;
    }

    @Override
    public ChatRequest toChatRequest(GenerationRequest request) {
        OpenAiChatRequestParameters.Builder p = RequestParameters.common(OpenAiChatRequestParameters.builder(),
                config.model(), request.parameters())
                .seed(request.parameters().seed());
        if (request.schema() != null) {
            if (config.schemaStyle() == SchemaStyle.JSON_OBJECT) {
                p.customParameters(Map.of("response_format",
                        Map.of("type", "json_object", "schema", request.schema().schema())));
            } else {
                p.responseFormat(RequestParameters.jsonSchema(request.schema()));
            }
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
