package io.siftbench.model.curation;

import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;

/** A queue split into the samples that have an embedding (as unit vectors) and those that have none. */
record EmbeddedQueue(List<SampleText> embedded, float[][] units, List<SampleText> withoutEmbedding) {

    static EmbeddedQueue of(List<SampleText> samples) {
        List<SampleText> embedded = new ArrayList<>();
        List<SampleText> without = new ArrayList<>();
        for (SampleText sample : samples) {
            (sample.hasEmbedding() ? embedded : without).add(sample);
        }
        float[][] units = embedded.stream()
                .map(sample -> Vectors.unit(sample.embedding()))
                .toArray(float[][]::new);
        return new EmbeddedQueue(embedded, units, without);
    }
}
