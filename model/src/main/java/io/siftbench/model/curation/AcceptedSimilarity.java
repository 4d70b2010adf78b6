package io.siftbench.model.curation;

import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The review card's "too similar to accepted" warning: the sample shown against the samples accepted so far, by
 * {@link TooSimilarToAcceptedFilter}. The vectors it gets stay with it, so that going from card to card costs
 * the embedding of a text not seen before at most, and the dot products. Safe to call from several threads.
 */
public final class AcceptedSimilarity {

    private final Supplier<SampleEmbedder> embedder;
    /** Vectors by text; a card checked on one background thread and the next card on another share them. */
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    /**
     * @param embedder gives the texts not seen before their embeddings (the project's cache, else the model);
     *                 asked for on the checking thread, as loading a model takes a while
     */
    public AcceptedSimilarity(Supplier<SampleEmbedder> embedder) {
        this.embedder = embedder;
    }

    /**
     * The warning for {@code sample} against {@code accepted} at cosine {@code threshold}, e.g.
     * "0.93 similar to #412, accepted"; empty when no accepted sample is that similar. {@code progress} hears
     * of the embedding batches, so that a check nobody waits for any more can stop by throwing.
     */
    public Optional<Flag> warning(
            SampleText sample, List<SampleText> accepted, double threshold, InsightsProgress progress) {
        List<SampleText> wanted = new ArrayList<>(accepted.size() + 1);
        wanted.add(sample);
        wanted.addAll(accepted);
        List<SampleText> known = wanted.stream()
                .map(s -> {
                    float[] vector = vectors.get(s.text());
                    return vector == null ? s : s.withEmbedding(vector);
                })
                .toList();
        List<SampleText> embedded = embedder.get().embed(known, progress);
        embedded.stream().filter(SampleText::hasEmbedding).forEach(s -> vectors.putIfAbsent(s.text(), s.embedding()));
        return new TooSimilarToAcceptedFilter(threshold).check(embedded.get(0), embedded.subList(1, embedded.size()));
    }
}
