package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.List;

/**
 * The order the review queue shows samples in (selective annotation: the most useful samples first).
 * Every order returns each sample of the queue exactly once; ties keep generation order.
 */
public interface ReviewOrder {

    /**
     * @param queue    the samples still to review, in generation order
     * @param reviewed the samples already reviewed (orders that spread the reviews out look at them)
     */
    List<SampleText> order(List<SampleText> queue, List<SampleText> reviewed);
}
