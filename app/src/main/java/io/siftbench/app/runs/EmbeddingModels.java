package io.siftbench.app.runs;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The in-process MiniLM embedding model (quantized, bundled in the jar), loaded once on first use: loading
 * it takes about a second, so it is loaded on the background thread that first needs it, never at start.
 */
public final class EmbeddingModels {

    private EmbeddingModels() {}

    public static EmbeddingModel miniLm() {
        return Holder.MODEL;
    }

    private static final class Holder {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
