package io.siftbench.model.curation;

import io.siftbench.model.embeddings.UnitMatrix;
import io.siftbench.model.insights.SampleText;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Near duplicates by embedding: two samples are near duplicates when the cosine similarity of their embeddings is
 * at least {@code threshold}. Every pair is decided (quadratic in the number of samples), but most are dismissed
 * after part of the dimensions by an exact bound ({@link UnitMatrix#similarAtLeast}); samples without an embedding
 * are never near duplicates.
 *
 * <p>The Review screen re-runs this on every reload, so the pairs are spread over the common fork-join pool a
 * block of rows at a time: within a block each row is compared with all later ones in parallel, then the similar
 * pairs found are joined. Pairs already in one group when a block starts are skipped, which keeps a run of many
 * copies of one text from costing every pair.
 */
public record EmbeddingDuplicateDetector(double threshold) implements DuplicateDetector {

    public static final double DEFAULT_THRESHOLD = 0.95;

    /** Rows per block: enough work to share among a few threads, few enough that skipping stays effective. */
    private static final int BLOCK = 128;

    @Override
    public List<DuplicateGroup> groups(List<SampleText> samples) {
        List<SampleText> embedded = samples.stream().filter(SampleText::hasEmbedding).toList();
        UnitMatrix matrix = UnitMatrix.of(embedded.stream().map(SampleText::embedding).toList());
        long[] ids = embedded.stream().mapToLong(SampleText::id).toArray();
        // Rows keep the samples' order, so a group's smallest row is still its earliest sample.
        DisjointSets sets = new DisjointSets(matrix.rows());
        for (int start = 0; start < matrix.rows(); start += BLOCK) {
            int[] roots = sets.roots();
            List<int[]> similar = IntStream.range(start, Math.min(matrix.rows(), start + BLOCK)).parallel()
                    .mapToObj(row -> laterSimilarRows(matrix, roots, row)).toList();
            for (int i = 0; i < similar.size(); i++) {
                for (int later : similar.get(i)) {
                    sets.union(start + i, later);
                }
            }
        }
        return sets.groups(ids, matrix::cosine);
    }

    private int[] laterSimilarRows(UnitMatrix matrix, int[] roots, int row) {
        return IntStream.range(row + 1, matrix.rows())
                .filter(later -> roots[later] != roots[row] && matrix.similarAtLeast(row, later, threshold))
                .toArray();
    }

    @Override
    public String similarityName() {
        return "embedding cosine";
    }
}
