package io.siftbench.views.review;

import io.siftbench.model.review.QueueFilter;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.ReviewQueue;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The queue shown as table mode's rows: each row's item put together when the table asks for it, so that a queue of
 * a million samples is not copied into a list of a million items. Changed on the UI thread only.
 */
final class QueueRows extends ObservableListBase<ReviewItem> {

    static final ReviewQueue EMPTY = new ReviewQueue(List.of(), QueueOrder.AS_GENERATED, 0, QueueFilter.ALL);

    private ReviewQueue queue = EMPTY;

    /** Shows {@code now} in place of the queue shown. */
    void show(ReviewQueue now) {
        ReviewQueue was = queue;
        queue = now;
        beginChange();
        nextReplace(0, now.size(), was.items());
        endChange();
    }

    /** The row at {@code index} changed; {@code was} is its item before. */
    void changed(int index, ReviewItem was) {
        beginChange();
        nextSet(index, was);
        endChange();
    }

    @Override
    public ReviewItem get(int index) {
        return queue.get(index);
    }

    @Override
    public int size() {
        return queue.size();
    }
}
