package io.siftbench.model.backends;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;

/** What to send: the rendered chat messages, the sampling parameters and the output schema (or null). */
public record GenerationRequest(List<ChatMessage> messages, GenerationParameters parameters, OutputSchema schema) {

    public GenerationRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A generation request needs at least one message");
        }
        parameters = parameters == null ? GenerationParameters.DEFAULT : parameters;
    }

    /** One user message, no schema: the short generation a connection test makes. */
    public static GenerationRequest of(String userText, GenerationParameters parameters) {
        return new GenerationRequest(List.of(UserMessage.from(userText)), parameters, null);
    }
}
