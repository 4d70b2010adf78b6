package io.siftbench.model.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The samples under review, in the chosen order and through the chosen filter, with a position and the
 * running counts of the progress bar. Filter and order are applied when the queue is built; a decision
 * changes its item in place, so a sample never jumps away while the researcher works through the queue.
 * Not thread-safe: one thread (the UI thread) owns it, and every change is O(1).
 */
public final class ReviewQueue {

    private final List<ReviewItem> items;
    private final Map<Long, Integer> indexBySample = new HashMap<>();
    private int position;
    private int decided;
    private int kept;

    public ReviewQueue(List<ReviewItem> all, QueueOrder order, long seed, QueueFilter filter) {
        List<ReviewItem> chosen =
                new ArrayList<>(all.stream().filter(filter::test).toList());
        order.sort(chosen, seed);
        this.items = chosen;
        for (int i = 0; i < items.size(); i++) {
            indexBySample.put(items.get(i).sampleId(), i);
            count(items.get(i), 1);
        }
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public ReviewItem get(int index) {
        return items.get(index);
    }

    public List<ReviewItem> items() {
        return Collections.unmodifiableList(items);
    }

    /** The index of the current item; {@link #size()} once the researcher went past the last one. */
    public int position() {
        return position;
    }

    public Optional<ReviewItem> current() {
        return position < items.size() ? Optional.of(items.get(position)) : Optional.empty();
    }

    public void moveTo(int index) {
        position = Math.max(0, Math.min(index, items.size()));
    }

    /** Moves to {@code sampleId} if it is in the queue; returns whether it is. */
    public boolean moveToSample(long sampleId) {
        Integer index = indexBySample.get(sampleId);
        if (index != null) {
            position = index;
        }
        return index != null;
    }

    public void next() {
        moveTo(position + 1);
    }

    public Optional<Integer> indexOf(long sampleId) {
        return Optional.ofNullable(indexBySample.get(sampleId));
    }

    /** Puts {@code decision} (null: none counts any more) on its sample's item, if that is in the queue. */
    public void update(long sampleId, Decision decision) {
        Integer index = indexBySample.get(sampleId);
        if (index == null) {
            return;
        }
        count(items.get(index), -1);
        ReviewItem now = items.get(index).withDecision(decision);
        items.set(index, now);
        count(now, 1);
    }

    /** Accepted, edited or rejected: skipped samples still wait for a decision. */
    public int decided() {
        return decided;
    }

    /** The share of decided samples that were kept (accepted or edited), 0 before the first decision. */
    public double acceptRate() {
        return decided == 0 ? 0 : (double) kept / decided;
    }

    private void count(ReviewItem item, int sign) {
        Decision d = item.decision();
        if (d != null && d.status().decided()) {
            decided += sign;
            if (d.status().kept()) {
                kept += sign;
            }
        }
    }
}
