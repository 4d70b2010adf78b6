package io.siftbench.app.backends;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.OutputSchema;
import io.siftbench.model.backends.SchemaStyle;
import java.util.Map;

/**
 * An OpenAI-compatible server (llama.cpp server, LM Studio, vLLM, LocalAI, Jan) through langchain4j-open-ai
 * with a base URL. The API key is optional: local servers rarely want one.
 *
 * <p>An output schema goes as {@code response_format: {type: json_schema}}, or, for llama.cpp builds that
 * silently ignore that, as {@code {type: json_object, schema: …}}. langchain4j 1.17 has no field for the
 * latter, so it is sent through {@code customParameters}, which are merged into the request body as they are.
 */
final class OpenAiBackend extends ProviderBackend<OpenAiChatRequestParameters.Builder> {

    OpenAiBackend(BackendConfig config) {
        this(config, Providers.http());
    }

    /** @param http the HTTP client under langchain4j's: the server's, or a batch file's ({@link BatchBackend}) */
    OpenAiBackend(BackendConfig config, HttpClientBuilder http) {
        super(
                config,
                OpenAiChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.location())
                        .apiKey(key(config))
                        .modelName(config.model())
                        .timeout(Providers.HTTP_TIMEOUT)
                        .maxRetries(0)
                        .build(),
                OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(http)
                        .baseUrl(config.location())
                        .apiKey(key(config))
                        .modelName(config.model())
                        .timeout(Providers.HTTP_TIMEOUT)
                        .build());
    }

    /** The key, or null where the user gave none: then no Authorization header is sent at all. */
    static String key(BackendConfig config) {
        return config.hasApiKey() ? config.apiKey() : null;
    }

    @Override
    OpenAiChatRequestParameters.Builder parameters() {
        return OpenAiChatRequestParameters.builder();
    }

    @Override
    void seed(OpenAiChatRequestParameters.Builder p, Integer seed) {
        p.seed(seed);
    }

    @Override
    void schema(OpenAiChatRequestParameters.Builder p, OutputSchema schema) {
        if (config().schemaStyle() == SchemaStyle.JSON_OBJECT) {
            p.customParameters(Map.of("response_format", Map.of("type", "json_object", "schema", schema.schema())));
        } else {
            super.schema(p, schema);
        }
    }
}
