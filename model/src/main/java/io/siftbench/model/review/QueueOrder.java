package io.siftbench.model.review;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** The order the review queue shows samples in. */
public enum QueueOrder {
    AS_GENERATED("As generated"),
    RANDOM("Random (seeded)"),
    LOWEST_CONFIDENCE("Lowest confidence first"),
    HIGHEST_VOTE_ENTROPY("Highest vote entropy first"),
    ONE_PER_CLUSTER("One per cluster first (k-means)"),
    DIVERSE_REPRESENTATIVE("Diverse and representative first (vote-k)"),
    MOST_DOUBTFUL("Most doubtful first");

    private static final Comparator<QueueEntry> GENERATED = Comparator.comparingLong(QueueEntry::runId)
            .thenComparingInt(QueueEntry::ordinal)
            .thenComparingLong(QueueEntry::sampleId);

    private final String title;

    QueueOrder(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /**
     * Whether the order comes from the samples' embeddings. A queue has no embedding model, so such an order is
     * arranged before the queue is built ({@code io.siftbench.model.curation.EmbeddedReviewOrder}) and the queue
     * keeps the order it is given.
     */
    public boolean byEmbedding() {
        return this == ONE_PER_CLUSTER || this == DIVERSE_REPRESENTATIVE;
    }

    /**
     * Whether the order comes from the student's label doubts, which the queue does not have either: arranged
     * beforehand by {@code io.siftbench.model.curation.DoubtfulFirstOrder}, the queue keeps it.
     */
    public boolean byStudent() {
        return this == MOST_DOUBTFUL;
    }

    /** Sorts {@code items} in place; {@code seed} fixes the random order so it is the same every time. */
    void sort(List<QueueEntry> items, long seed) {
        if (byEmbedding() || byStudent()) {
            return;
        }
        items.sort(GENERATED);
        switch (this) {
            case AS_GENERATED -> {}
            case RANDOM -> Collections.shuffle(items, new Random(seed));
            // Samples without a confidence (failed ones) come last: there is nothing to weigh.
            case LOWEST_CONFIDENCE ->
                items.sort(Comparator.comparing(
                        QueueEntry::confidenceOrNull, Comparator.nullsLast(Comparator.naturalOrder())));
            case HIGHEST_VOTE_ENTROPY ->
                items.sort(Comparator.comparingDouble(QueueEntry::voteEntropy).reversed());
            case ONE_PER_CLUSTER, DIVERSE_REPRESENTATIVE, MOST_DOUBTFUL -> {}
        }
    }
}
