package io.siftbench.packaging;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Started by {@link PackagingSmokeIT} with the image's own runtime and jar: it loads the native libraries
 * the image kept (ONNX Runtime and the DJL tokenizer for the bundled embedding model, java-llama.cpp for
 * a GGUF file), so that trimming the jar or the runtime cannot silently break them.
 */
public final class NativeProbe {

    private NativeProbe() {}

    public static void main(String[] args) {
        float[] vector = new AllMiniLmL6V2QuantizedEmbeddingModel()
                .embed("Where is my new card?")
                .content()
                .vector();
        System.out.println("embedding dimensions: " + vector.length);
        if (args.length == 1) {
            try (LlamaModel model =
                    new LlamaModel(new ModelParameters().setModel(args[0]).setThreads(1))) {
                String story = model.complete(new InferenceParameters("Once upon a time")
                        .setNPredict(16)
                        .setSeed(7));
                System.out.println("gguf completion characters: " + story.length());
            }
        }
        // java-llama.cpp leaves a non-daemon native thread behind (issue #116).
        System.exit(0);
    }
}
