package io.siftbench.model.demonstrations;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Embeds texts with an embedding model, taking record embeddings from the cache where it has them. */
public final class RecordEmbeddings {

    /** Texts are embedded in batches: one call per record would pay the model's fixed cost every time. */
    private static final int BATCH = 64;

    private final EmbeddingModel model;
    private final String modelName;
    private final EmbeddingCache cache;

    /** @param modelName names the model in the cache, so that vectors of another model are never mixed in */
    public RecordEmbeddings(EmbeddingModel model, String modelName, EmbeddingCache cache) {
        this.model = model;
        this.modelName = modelName;
        this.cache = cache;
    }

    /** The vector of one text that is not a stored record (the current input, an edited preview). */
    public float[] of(String text) {
        return model.embed(text).content().vector();
    }

    /** The vector of each record (by id), embedding and caching those not cached yet. */
    public Map<Long, float[]> of(long datasetId, List<Demonstration> records) {
        Map<Long, float[]> vectors = new HashMap<>(cache.load(
                datasetId, modelName, records.stream().map(Demonstration::id).toList()));
        List<Demonstration> missing =
                records.stream().filter(r -> !vectors.containsKey(r.id())).toList();
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Demonstration> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            List<TextSegment> segments = new ArrayList<>(batch.size());
            batch.forEach(r -> segments.add(TextSegment.from(r.text().isEmpty() ? " " : r.text())));
            var embedded = model.embedAll(segments).content();
            Map<Long, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                fresh.put(batch.get(i).id(), embedded.get(i).vector());
            }
            cache.store(datasetId, modelName, fresh);
            vectors.putAll(fresh);
        }
        return vectors;
    }
}
