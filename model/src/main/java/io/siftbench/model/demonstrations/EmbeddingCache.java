package io.siftbench.model.demonstrations;

import java.util.Collection;
import java.util.Map;

/**
 * Embeddings of dataset records kept in the project, so that a record is embedded once per embedding
 * model rather than once per run or preview.
 */
public interface EmbeddingCache {

    /** The cached vectors of those of {@code recordIds} that have one for {@code model}. */
    Map<Long, float[]> load(long datasetId, String model, Collection<Long> recordIds);

    /** Keeps {@code vectors} (record id to vector) for {@code model}, replacing any older ones. */
    void store(long datasetId, String model, Map<Long, float[]> vectors);
}
