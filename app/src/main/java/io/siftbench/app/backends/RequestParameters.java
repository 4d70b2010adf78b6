package io.siftbench.app.backends;

import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.OutputSchema;

/** The parameters every backend shares, set on whichever provider's parameter builder. */
final class RequestParameters {

    private RequestParameters() {}

    static <B extends DefaultChatRequestParameters.Builder<B>> B common(
            B builder, String model, GenerationParameters p) {
        return builder.modelName(model.isEmpty() ? null : model)
                .temperature(p.temperature())
                .topP(p.topP())
                .maxOutputTokens(p.maxTokens())
                .stopSequences(p.stop().isEmpty() ? null : p.stop());
    }

    /** The schema as langchain4j's JSON response format, passed through as written in the prompt. */
    static ResponseFormat jsonSchema(OutputSchema schema) {
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name("output")
                        .rootElement(JsonRawSchema.from(schema.toJson()))
                        .build())
                .build();
    }
}
