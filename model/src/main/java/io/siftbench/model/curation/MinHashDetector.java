package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.Tokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Near duplicates by MinHash with locality-sensitive hashing over word shingles.
 *
 * <p>A sample's shingles are its runs of {@code shingleSize} consecutive tokens (the whole token list when it
 * is shorter). Two samples are near duplicates when the Jaccard similarity of their shingle sets,
 * |A ∩ B| / |A ∪ B|, is at least {@code threshold}. MinHash signatures of {@code hashes} values are cut into
 * b bands of r rows; samples that agree on a whole band become candidates, and every candidate pair is then
 * checked with the exact Jaccard similarity, so no pair below the threshold is ever reported. The band shape is
 * the largest r (fewest needless candidates) for which a pair exactly at the threshold becomes a candidate with
 * probability 1 − (1 − t^r)^b ≥ {@value #TARGET_RECALL}; pairs above the threshold are found more often still.
 *
 * <p>Bounded for runs of any size: a sample is checked against at most {@value #COMPARED_PER_BUCKET} earlier
 * members of a bucket (its earliest ones), not every one, since templated texts put tens of thousands of samples in
 * one bucket and comparing every pair there never finishes. A bucket of up to {@value #COMPARED_PER_BUCKET} + 1
 * members is compared in full, so a small run's groups are exactly those of every pair; past that a pair whose
 * only link is outside the members compared can be missed, and the flag's reason then says so
 * ({@link #similarityName()}). No signature is kept: each band's rows are computed from the shingles as the band
 * is sorted, so the memory is the shingles (4 bytes each, in one pool) and one key per sample.
 */
public final class MinHashDetector implements DuplicateDetector {

    public static final int DEFAULT_SHINGLE_SIZE = 2;
    public static final int DEFAULT_HASHES = 128;
    public static final double DEFAULT_THRESHOLD = 0.7;
    static final double TARGET_RECALL = 0.99;
    /** The earlier members of a bucket that a sample is compared with at most. */
    public static final int COMPARED_PER_BUCKET = 32;

    private final int shingleSize;
    private final double threshold;
    private final long[] hashSeeds;
    private final int rows;
    private final int bands;
    /**
     * Whether the last {@link #groups} met a bucket larger than it compares in full, so that it may miss a pair; a
     * detector is made for one report at a time ({@link RunCuration}), which reads it right after the groups.
     */
    private boolean capped;

    public MinHashDetector(int shingleSize, int hashes, double threshold, long seed) {
        if (shingleSize < 1 || hashes < 1 || threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("MinHash needs a shingle size ≥ 1, hashes ≥ 1 and a threshold in "
                    + "(0, 1]; got " + shingleSize + ", " + hashes + ", " + threshold);
        }
        this.shingleSize = shingleSize;
        this.threshold = threshold;
        SplittableRandom random = new SplittableRandom(seed);
        hashSeeds = new long[hashes];
        Arrays.setAll(hashSeeds, i -> random.nextLong());
        int chosenRows = 1;
        for (int r = 1; r <= hashes; r++) {
            if (candidateProbability(threshold, r, hashes / r) >= TARGET_RECALL) {
                chosenRows = r;
            }
        }
        rows = chosenRows;
        bands = hashes / chosenRows;
    }

    public MinHashDetector() {
        this(DEFAULT_SHINGLE_SIZE, DEFAULT_HASHES, DEFAULT_THRESHOLD, 7);
    }

    /** The chance that two samples of Jaccard similarity {@code s} share at least one of b bands of r rows. */
    static double candidateProbability(double s, int rows, int bands) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    public int rows() {
        return rows;
    }

    public int bands() {
        return bands;
    }

    @Override
    public List<DuplicateGroup> groups(List<SampleText> samples) {
        Pass pass = pass(samples.size());
        pass.add(samples);
        return pass.groups(samples.stream().mapToLong(SampleText::id).toArray());
    }

    /** Keeps each sample's distinct shingles, 4 bytes each, in one pool for the whole run. */
    @Override
    public Pass pass(int expected) {
        Shingled shingled = new Shingled(expected);
        return new Pass() {
            @Override
            public void add(List<SampleText> page) {
                page.forEach(sample -> shingled.add(shingles(sample.text())));
            }

            @Override
            public List<DuplicateGroup> groups(long[] ids) {
                return MinHashDetector.this.groups(shingled, ids);
            }
        };
    }

    private List<DuplicateGroup> groups(Shingled shingles, long[] ids) {
        int n = shingles.size();
        capped = false;
        DisjointSets sets = new DisjointSets(n);
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n));
        long[] keyed = new long[n];
        for (int band = 0; band < bands; band++) {
            // Each sample's band key (truncated) above its index, sorted: equal keys form runs in sample order.
            // Truncating the key can only put more samples in a bucket, and every candidate is checked exactly.
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (shingles.count(i) > 0) { // no tokens: nobody's near duplicate (exact duplicates catch blanks)
                    keyed[count++] = (bandKey(shingles, i, band) << indexBits) | i;
                }
            }
            Arrays.sort(keyed, 0, count);
            int runStart = 0;
            for (int k = 1; k <= count; k++) {
                if (k == count || keyed[k] >>> indexBits != keyed[runStart] >>> indexBits) {
                    linkRun(keyed, runStart, k, indexBits, shingles, sets);
                    runStart = k;
                }
            }
        }
        return sets.groups(ids, shingles::jaccard);
    }

    /**
     * Joins the candidates of one bucket, keyed[from … to), whose exact Jaccard reaches the threshold: each member
     * with the earliest {@value #COMPARED_PER_BUCKET} before it.
     */
    private void linkRun(long[] keyed, int from, int to, int indexBits, Shingled shingles, DisjointSets sets) {
        long indexMask = (1L << indexBits) - 1;
        if (to - from > COMPARED_PER_BUCKET + 1) {
            capped = true;
        }
        for (int later = from + 1; later < to; later++) {
            int j = (int) (keyed[later] & indexMask);
            int until = Math.min(later, from + COMPARED_PER_BUCKET);
            for (int earlier = from; earlier < until; earlier++) {
                int i = (int) (keyed[earlier] & indexMask);
                if (!sets.connected(i, j) && shingles.jaccard(i, j) >= threshold) {
                    sets.union(i, j);
                }
            }
        }
    }

    /** How the similarity was measured, and, after a run with a bucket too large to compare in full, the bound. */
    @Override
    public String similarityName() {
        return "MinHash Jaccard of " + shingleSize + "-word shingles"
                + (capped
                        ? "; each sample compared with at most " + COMPARED_PER_BUCKET
                                + " others of its LSH bucket, so a pair may be missed"
                        : "");
    }

    /**
     * The sample's distinct shingles as sorted 32-bit hashes (each 64-bit hash folded), which halves what a run of a
     * million samples holds: two shingles of a pair of texts share one by chance about once in a few billion.
     */
    private int[] shingles(String text) {
        List<String> tokens = Tokenizer.tokens(text);
        if (tokens.isEmpty()) {
            return new int[0];
        }
        long[] tokenHashes = tokens.stream().mapToLong(TextHashes::fnv).toArray();
        int width = Math.min(shingleSize, tokenHashes.length);
        int[] hashes = new int[tokenHashes.length - width + 1];
        for (int start = 0; start < hashes.length; start++) {
            long h = width;
            for (int t = start; t < start + width; t++) {
                h = TextHashes.mix(h * 0x9E3779B97F4A7C15L + tokenHashes[t]);
            }
            hashes[start] = (int) (h ^ (h >>> 32));
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
    }

    /**
     * The key of one band of the sample's MinHash signature: its rows' minima (the low 32 bits of each), computed
     * here rather than kept, so that a million samples need no signature matrix.
     */
    private long bandKey(Shingled shingles, int sample, int band) {
        long key = band;
        int from = shingles.start(sample);
        int to = from + shingles.count(sample);
        int[] pool = shingles.pool();
        for (int r = band * rows; r < (band + 1) * rows; r++) {
            long min = Long.MAX_VALUE;
            for (int s = from; s < to; s++) {
                min = Math.min(min, TextHashes.mix(pool[s] ^ hashSeeds[r]));
            }
            key = TextHashes.mix(key * 31 + (int) min);
        }
        return key;
    }

    /** Every sample's distinct shingles, each sample's a stretch of one pool. */
    private static final class Shingled {
        private int[] starts;
        private int[] pool;
        private int size;

        /** Room for {@code expected} samples of a few shingles each; more is made as needed. */
        Shingled(int expected) {
            starts = new int[Math.max(16, expected) + 1];
            pool = new int[Math.max(256, expected * 8)];
        }

        void add(int[] shingles) {
            if (size + 1 == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            int from = starts[size];
            if (from + shingles.length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, from + shingles.length));
            }
            System.arraycopy(shingles, 0, pool, from, shingles.length);
            starts[++size] = from + shingles.length;
        }

        int size() {
            return size;
        }

        int[] pool() {
            return pool;
        }

        int start(int sample) {
            return starts[sample];
        }

        int count(int sample) {
            return starts[sample + 1] - starts[sample];
        }

        /** |A ∩ B| / |A ∪ B| of two samples' shingles, each sorted and distinct. */
        double jaccard(int a, int b) {
            int i = starts[a];
            int j = starts[b];
            int common = 0;
            while (i < starts[a + 1] && j < starts[b + 1]) {
                if (pool[i] == pool[j]) {
                    common++;
                    i++;
                    j++;
                } else if (pool[i] < pool[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            int union = count(a) + count(b) - common;
            return union == 0 ? 0 : (double) common / union;
        }
    }
}
