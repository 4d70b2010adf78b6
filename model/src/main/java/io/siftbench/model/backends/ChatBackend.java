package io.siftbench.model.backends;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.Optional;

/**
 * The port to one configured backend: langchain4j's chat models for it, and the request in the backend's
 * own form (its seed and keep-alive fields, and the output schema as it reads one). The providers are built
 * in {@code app}, so this module never knows them.
 */
public interface ChatBackend extends AutoCloseable {

    BackendConfig config();

    ChatRequest toChatRequest(GenerationRequest request);

    ChatModel chatModel();

    /** The streaming model, where the backend streams. */
    Optional<StreamingChatModel> streamingModel();

    /**
     * Frees what the next request can load again (an in-process model), so that another backend can have
     * the memory; the default holds nothing.
     */
    default void unload() {}

    /** Frees what the backend holds (an in-process model) for good; the default holds nothing. */
    @Override
    default void close() {}
}
