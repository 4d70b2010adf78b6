package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;

import java.util.List;

/** The queue as the run produced it. */
public record AsGeneratedOrder() implements ReviewOrder {

    @Override
    public List<SampleText> order(List<SampleText> queue, List<SampleText> reviewed) {
        return List.copyOf(queue);
    }
}
