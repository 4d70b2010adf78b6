package io.siftbench.model.curation;

import io.siftbench.model.embeddings.Vectors;

import io.siftbench.model.insights.SampleText;

import java.util.List;

/**
 * Near duplicates by embedding: two samples are near duplicates when the cosine similarity of their embeddings is
 * at least {@code threshold}. Every pair is compared (quadratic in the number of samples); samples without an
 * embedding are never near duplicates.
 */
public record EmbeddingDuplicateDetector(double threshold) implements DuplicateDetector {

    public static final double DEFAULT_THRESHOLD = 0.95;

    @Override
    public List<DuplicateGroup> groups(List<SampleText> samples) {
        int n = samples.size();
        float[][] units = new float[n][];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            SampleText sample = samples.get(i);
            ids[i] = sample.id();
            units[i] = sample.hasEmbedding() ? Vectors.unit(sample.embedding()) : null;
        }
        DisjointSets sets = new DisjointSets(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; units[i] != null && j < n; j++) {
                if (units[j] != null && !sets.connected(i, j) && Vectors.dot(units[i], units[j]) >= threshold) {
                    sets.union(i, j);
                }
            }
        }
        return sets.groups(ids, (kept, member) -> Vectors.dot(units[kept], units[member]));
    }

    @Override
    public String similarityName() {
        return "embedding cosine";
    }
}
