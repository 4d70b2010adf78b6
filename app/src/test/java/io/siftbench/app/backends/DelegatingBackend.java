package io.siftbench.app.backends;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.GenerationRequest;
import java.util.Optional;

/** A real backend passed through as it is; a test overrides the one thing it watches or withholds. */
public class DelegatingBackend implements ChatBackend {

    private final ChatBackend real;

    public DelegatingBackend(ChatBackend real) {
        this.real = real;
    }

    @Override
    public BackendConfig config() {
        return real.config();
    }

    @Override
    public ChatRequest toChatRequest(GenerationRequest request) {
        return real.toChatRequest(request);
    }

    @Override
    public ChatModel chatModel() {
        return real.chatModel();
    }

    @Override
    public Optional<StreamingChatModel> streamingModel() {
        return real.streamingModel();
    }

    @Override
    public void unload() {
        real.unload();
    }

    @Override
    public void close() {
        real.close();
    }
}
