package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A shuffled queue; the same seed gives the same order, so a review session can be repeated. */
public record RandomOrder(long seed) implements ReviewOrder {

    @Override
    public List<SampleText> order(List<SampleText> queue, List<SampleText> reviewed) {
        List<SampleText> shuffled = new ArrayList<>(queue);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled;
    }
}
