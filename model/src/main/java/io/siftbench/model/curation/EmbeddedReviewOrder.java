package io.siftbench.model.curation;

import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleStatus;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.review.ReviewItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Arranges review items by one of the embedding-based orders: the undecided items in the order's sequence
 * (k-means one per cluster, or vote-k with the decided items counted as already chosen), then the decided ones
 * in generation order, so that the queue starts where reviewing pays off most.
 */
public final class EmbeddedReviewOrder {

    private final SampleEmbedder embedder;

    public EmbeddedReviewOrder(SampleEmbedder embedder) {
        this.embedder = embedder;
    }

    /**
     * {@code items} arranged by {@code order}, which must be one of the embedding-based orders; {@code samples}
     * are the run's samples as the metrics see them (the text that counts, the status). Items without a sample
     * there (failed requests) come last.
     */
    public List<ReviewItem> arrange(List<ReviewItem> items, List<SampleText> samples, QueueOrder order, long seed) {
        ReviewOrder chosen =
                switch (order) {
                    case ONE_PER_CLUSTER -> new ClusterFirstOrder(ClusterFirstOrder.DEFAULT_CLUSTERS, seed);
                    case DIVERSE_REPRESENTATIVE ->
                        new DiverseRepresentativeOrder(
                                DiverseRepresentativeOrder.DEFAULT_NEIGHBOURS, DiverseRepresentativeOrder.DEFAULT_RHO);
                    default -> throw new IllegalArgumentException(order + " does not come from embeddings");
                };
        Map<Long, ReviewItem> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.sampleId(), item));
        List<SampleText> present =
                samples.stream().filter(s -> byId.containsKey(s.id())).toList();
        List<SampleText> embedded = embedder.embed(present, InsightsProgress.NONE);
        List<SampleText> queue = embedded.stream()
                .filter(s -> s.status() == SampleStatus.UNDECIDED)
                .toList();
        List<SampleText> reviewed = embedded.stream()
                .filter(s -> s.status() != SampleStatus.UNDECIDED)
                .toList();
        List<ReviewItem> arranged = new ArrayList<>(items.size());
        chosen.order(queue, reviewed).forEach(s -> arranged.add(byId.remove(s.id())));
        reviewed.forEach(s -> arranged.add(byId.remove(s.id())));
        arranged.addAll(byId.values());
        return arranged;
    }
}
