package io.siftbench.model.embeddings;

import java.util.Collection;
import java.util.Map;

/**
 * Embeddings of sample texts kept in the project, keyed by the embedding model and the text itself: a text is
 * embedded once per model, whichever run, screen or command asks for it again (Review's orders, near duplicates
 * and warnings; Insights and the {@code metrics} command). An edit is a new text with its own vector.
 */
public interface TextEmbeddingCache {

    /** The cached vectors of those of {@code texts} that have one for {@code model}, by text. */
    Map<String, float[]> load(String model, Collection<String> texts);

    /** Keeps {@code vectors} (text to vector) for {@code model}, replacing any older ones. */
    void store(String model, Map<String, float[]> vectors);
}
