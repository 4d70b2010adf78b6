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
    HIGHEST_VOTE_ENTROPY("Highest vote entropy first");

    private static final Comparator<ReviewItem> GENERATED = Comparator
            .comparingLong((ReviewItem i) -> i.sample().runId())
            .thenComparingInt(i -> i.sample().slot().ordinal())
            .thenComparingLong(ReviewItem::sampleId);

    private final String title;

    QueueOrder(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Sorts {@code items} in place; {@code seed} fixes the random order so it is the same every time. */
    void sort(List<ReviewItem> items, long seed) {
        items.sort(GENERATED);
        switch (this) {
            case AS_GENERATED -> { }
            case RANDOM -> Collections.shuffle(items, new Random(seed));
            // Samples without a confidence (failed ones) come last: there is nothing to weigh.
            case LOWEST_CONFIDENCE -> items.sort(Comparator.comparing(
                    (ReviewItem i) -> i.sample().confidence(), Comparator.nullsLast(Comparator.naturalOrder())));
            case HIGHEST_VOTE_ENTROPY -> items.sort(Comparator.comparingDouble(ReviewItem::voteEntropy).reversed());
        }
    }
}
