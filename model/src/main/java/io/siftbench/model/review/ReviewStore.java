package io.siftbench.model.review;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the review screen reads and remembers besides the decisions themselves. */
public interface ReviewStore {

    /** The samples of {@code runId} with the decision that counts for each, in the run's order. */
    List<ReviewItem> items(long runId);

    /**
     * Hands the items of {@code runId} to {@code page} in the run's order, at most {@code size} at a time, for a
     * read of a run of any size in bounded memory (the decisions that count are held, one per decided sample).
     */
    void forEachPage(long runId, int size, Consumer<List<ReviewItem>> page);

    /** The labels a run may give: its prompt version's label set, else the labels its samples carry. */
    List<String> labels(long runId);

    /** Remembers the sample the researcher is at in {@code runId}, so that a restart comes back to it. */
    void savePosition(long runId, long sampleId);

    Optional<Long> position(long runId);
}
