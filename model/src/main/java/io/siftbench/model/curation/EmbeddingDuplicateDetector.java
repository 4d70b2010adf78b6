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
 * block of rows at a time: every later row is compared with the rows of the block, the later rows shared among the
 * threads, then the similar pairs found are joined. Going through the matrix once per block rather than once per
 * row keeps the block's rows in the processor's cache (the matrix of 10,000 rows does not fit in it). Pairs
 * already in one group when a block starts are skipped, which keeps a run of many copies of one text from costing
 * every pair.
 */
public record EmbeddingDuplicateDetector(double threshold) implements DuplicateDetector {

    public static final double DEFAULT_THRESHOLD = 0.95;

    /** Rows per block: enough work to share among a few threads, few enough that skipping stays effective. */
    private static final int BLOCK = 128;

    @Override
    public List<DuplicateGroup> groups(List<SampleText> samples) {
        List<SampleText> embedded =
                samples.stream().filter(SampleText::hasEmbedding).toList();
        UnitMatrix matrix =
                UnitMatrix.of(embedded.stream().map(SampleText::embedding).toList());
        long[] ids = embedded.stream().mapToLong(SampleText::id).toArray();
        // Rows keep the samples' order, so a group's smallest row is still its earliest sample.
        DisjointSets sets = new DisjointSets(matrix.rows());
        for (int start = 0; start < matrix.rows(); start += BLOCK) {
            int blockStart = start;
            int blockEnd = Math.min(matrix.rows(), start + BLOCK);
            int[] roots = sets.roots();
            List<int[]> similar = IntStream.range(blockStart + 1, matrix.rows())
                    .parallel()
                    .mapToObj(later -> similarBlockRows(matrix, roots, blockStart, Math.min(blockEnd, later), later))
                    .toList();
            for (int i = 0; i < similar.size(); i++) {
                for (int row : similar.get(i)) {
                    sets.union(row, blockStart + 1 + i);
                }
            }
        }
        return sets.groups(ids, matrix::cosine);
    }

    /** The rows from {@code from} to {@code to} (exclusive) similar to {@code later} and not yet in its group. */
    private int[] similarBlockRows(UnitMatrix matrix, int[] roots, int from, int to, int later) {
        return IntStream.range(from, to)
                .filter(row -> roots[row] != roots[later] && matrix.similarAtLeast(row, later, threshold))
                .toArray();
    }

    @Override
    public String similarityName() {
        return "embedding cosine";
    }
}
