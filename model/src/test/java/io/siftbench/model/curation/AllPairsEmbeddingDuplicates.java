package io.siftbench.model.curation;

import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.insights.SampleText;
import java.util.List;

/**
 * The embedding near-duplicate detector as it was before pruning: every pair's full dot product, one after the
 * other. The reference its replacement must agree with exactly, and the baseline the benchmark times it against.
 */
public record AllPairsEmbeddingDuplicates(double threshold) implements DuplicateDetector {

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
        return "embedding cosine (all pairs)";
    }
}
