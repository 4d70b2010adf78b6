package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;

import java.util.Comparator;
import java.util.List;

/**
 * Least confidence first: the samples the model was least sure of (lowest confidence) come first; samples
 * without a confidence come last.
 */
public record LeastConfidenceOrder() implements ReviewOrder {

    @Override
    public List<SampleText> order(List<SampleText> queue, List<SampleText> reviewed) {
        return queue.stream()
                .sorted(Comparator.comparing(SampleText::confidence, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
