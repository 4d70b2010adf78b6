package io.siftbench.model.curation;

import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.LabelDoubts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Review's "most doubtful first": the undecided items as {@link LabelDoubts#mostDoubtfulFirst} puts them (the
 * doubted ones first, each part from the least likely label up), then the decided ones in the order given, like the
 * embedding orders, so that the queue starts where a label is most likely wrong. Items the student gave no verdict
 * (rejected or failed samples) come last.
 */
public final class DoubtfulFirstOrder {

    private DoubtfulFirstOrder() {}

    /** {@code items} (in generation order) arranged by the student's {@code verdicts} on their labels. */
    public static List<ReviewItem> arrange(List<ReviewItem> items, List<LabelDoubt> verdicts) {
        Map<Long, ReviewItem> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.sampleId(), item));
        List<ReviewItem> arranged = new ArrayList<>(items.size());
        for (LabelDoubt verdict : LabelDoubts.mostDoubtfulFirst(verdicts)) {
            ReviewItem item = byId.get(verdict.id());
            if (item != null && undecided(item)) {
                arranged.add(byId.remove(verdict.id()));
            }
        }
        Set<Long> judged = new HashSet<>();
        verdicts.forEach(v -> judged.add(v.id()));
        List<ReviewItem> unjudged = new ArrayList<>();
        for (ReviewItem item : byId.values()) {
            (judged.contains(item.sampleId()) ? arranged : unjudged).add(item);
        }
        arranged.addAll(unjudged);
        return arranged;
    }

    /** Skipping puts a sample off; it is still to be decided. */
    private static boolean undecided(ReviewItem item) {
        return item.decision() == null || item.decision().status() == DecisionStatus.SKIPPED;
    }
}
