package io.siftbench.model.insights;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.siftbench.model.embeddings.TextEmbeddingCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Gives samples the embeddings that the similarity, map, near-duplicate and review-order computations need,
 * using the project's embedding model. Texts go to the model in batches, so that progress can be shown and the
 * work cancelled between batches; a text that occurs more than once is embedded once; samples that already
 * have an embedding keep it; blank texts get none (a model has nothing to embed). {@link #cachedIn} takes the
 * vectors of texts embedded before from the project and keeps the new ones there.
 */
public final class SampleEmbedder {

    public static final int DEFAULT_BATCH_SIZE = 512;

    private final EmbeddingModel model;
    private final int batchSize;
    private final TextEmbeddingCache cache;

    public SampleEmbedder(EmbeddingModel model, int batchSize) {
        this(model, batchSize, null);
    }

    private SampleEmbedder(EmbeddingModel model, int batchSize, TextEmbeddingCache cache) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the embedding batch size must be at least 1, was " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
        this.cache = cache;
    }

    public SampleEmbedder(EmbeddingModel model) {
        this(model, DEFAULT_BATCH_SIZE);
    }

    /** This embedder taking the vectors of texts from {@code cache} where it has them, and keeping new ones there. */
    public SampleEmbedder cachedIn(TextEmbeddingCache cache) {
        return new SampleEmbedder(model, batchSize, cache);
    }

    /**
     * The samples, in the same order, each with an embedding where its text is not blank. Progress counts the
     * different texts embedded (those the cache has are not); an interrupted thread stops between batches with a
     * {@link CancellationException}, and the batches embedded until then stay in the cache.
     */
    public List<SampleText> embed(List<SampleText> samples, InsightsProgress progress) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (SampleText sample : samples) {
            if (!sample.hasEmbedding() && !sample.text().isBlank()) {
                vectors.put(sample.text(), null);
            }
        }
        String cacheKey = cacheKey();
        if (cache != null && !vectors.isEmpty()) {
            vectors.putAll(cache.load(cacheKey, vectors.keySet()));
        }
        List<String> texts = new ArrayList<>();
        vectors.forEach((text, vector) -> {
            if (vector == null) {
                texts.add(text);
            }
        });
        for (int start = 0; start < texts.size(); start += batchSize) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException(
                        "embedding cancelled after " + start + " of " + texts.size() + " texts");
            }
            progress.update(start, texts.size(), "embedding");
            List<String> batch = texts.subList(start, Math.min(texts.size(), start + batchSize));
            List<Embedding> embeddings = model.embedAll(
                            batch.stream().map(TextSegment::from).toList())
                    .content();
            if (embeddings.size() != batch.size()) {
                throw new IllegalStateException("the embedding model returned " + embeddings.size() + " embeddings for "
                        + batch.size() + " texts");
            }
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                fresh.put(batch.get(i), embeddings.get(i).vector());
            }
            if (cache != null) {
                cache.store(cacheKey, fresh);
            }
            vectors.putAll(fresh);
        }
        progress.update(texts.size(), texts.size(), "embedded");
        Map<String, float[]> done = new HashMap<>(vectors);
        return samples.stream()
                .map(sample -> sample.hasEmbedding() || sample.text().isBlank()
                        ? sample
                        : sample.withEmbedding(done.get(sample.text())))
                .toList();
    }

    /**
     * How the cache tells this model's vectors from another's: the model's class, and its name where it has one
     * (langchain4j's in-process models answer "unknown"; a server's model answers with the model it runs).
     */
    private String cacheKey() {
        String name = model.modelName();
        return model.getClass().getName() + (name == null || name.equals("unknown") ? "" : "/" + name);
    }
}
