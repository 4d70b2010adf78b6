package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.Votes;

import java.util.Comparator;
import java.util.List;

/** Vote entropy first: the samples whose self-consistency votes disagree most come first (see {@link Votes}). */
public record VoteEntropyOrder() implements ReviewOrder {

    @Override
    public List<SampleText> order(List<SampleText> queue, List<SampleText> reviewed) {
        return queue.stream()
                .sorted(Comparator.comparingDouble((SampleText sample) -> new Votes(sample.votes()).entropy())
                        .reversed())
                .toList();
    }
}
