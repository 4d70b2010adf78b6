package io.siftbench.app.backends;

import io.siftbench.model.backends.BackendConfig;
import java.nio.file.Path;

/**
 * A GGUF file run in-process; the model loads on the first request and unloads on {@link #close()}. The
 * schema is passed as langchain4j's JSON response format, which {@link GgufChatModel} turns into a grammar.
 */
final class GgufBackend extends ProviderBackend<GgufChatRequestParameters.Builder> {

    private final GgufChatModel model;

    GgufBackend(BackendConfig config) {
        this(config, new GgufChatModel(Path.of(config.location()), config.effectiveThreads(), config.contextSize()));
    }

    private GgufBackend(BackendConfig config, GgufChatModel model) {
        super(config, model, model);
        this.model = model;
    }

    @Override
    GgufChatRequestParameters.Builder parameters() {
        return GgufChatRequestParameters.builder();
    }

    @Override
    void seed(GgufChatRequestParameters.Builder p, Integer seed) {
        p.seed(seed);
    }

    GgufChatModel model() {
        return model;
    }

    @Override
    public void unload() {
        model.unload();
    }

    @Override
    public void close() {
        model.close();
    }
}
