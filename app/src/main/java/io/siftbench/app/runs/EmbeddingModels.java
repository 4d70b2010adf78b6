package io.siftbench.app.runs;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The in-process MiniLM embedding model (quantized, bundled in the jar), loaded once on first use: loading
 * it takes about a second, so it is loaded on the background thread that first needs it, never at start.
 */
public final class EmbeddingModels {

    private static EmbeddingModel model;

    private EmbeddingModels() {}

    /**
     * The model, loaded on the first call. A load that fails says why and is tried again on the next call: a heap
     * full of a million-sample Review queue may have room later, and a class holder that failed once would only ever
     * say "Could not initialize class".
     */
    public static synchronized EmbeddingModel miniLm() {
        if (model == null) {
            try {
                model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            } catch (OutOfMemoryError e) {
                throw new IllegalStateException(
                        "The MiniLM embedding model could not be loaded: the Java heap ("
                                + (Runtime.getRuntime().maxMemory() >> 20)
                                + " MB) is full; start Siftbench with more memory (-Xmx) or work on a smaller run",
                        e);
            }
        }
        return model;
    }
}
