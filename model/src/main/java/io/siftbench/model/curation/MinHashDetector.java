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
 * is sorted, so the memory is the shingles and one key per sample.
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
        int n = samples.size();
        long[][] shingles = new long[n][];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            shingles[i] = shingles(samples.get(i).text());
            ids[i] = samples.get(i).id();
        }
        capped = false;
        DisjointSets sets = new DisjointSets(n);
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n));
        long[] keyed = new long[n];
        for (int band = 0; band < bands; band++) {
            // Each sample's band key (truncated) above its index, sorted: equal keys form runs in sample order.
            // Truncating the key can only put more samples in a bucket, and every candidate is checked exactly.
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (shingles[i].length > 0) { // no tokens: nobody's near duplicate (exact duplicates catch blanks)
                    keyed[count++] = (bandKey(shingles[i], band) << indexBits) | i;
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
        return sets.groups(ids, (kept, member) -> jaccard(shingles[kept], shingles[member]));
    }

    /**
     * Joins the candidates of one bucket, keyed[from … to), whose exact Jaccard reaches the threshold: each member
     * with the earliest {@value #COMPARED_PER_BUCKET} before it.
     */
    private void linkRun(long[] keyed, int from, int to, int indexBits, long[][] shingles, DisjointSets sets) {
        long indexMask = (1L << indexBits) - 1;
        if (to - from > COMPARED_PER_BUCKET + 1) {
            capped = true;
        }
        for (int later = from + 1; later < to; later++) {
            int j = (int) (keyed[later] & indexMask);
            int until = Math.min(later, from + COMPARED_PER_BUCKET);
            for (int earlier = from; earlier < until; earlier++) {
                int i = (int) (keyed[earlier] & indexMask);
                if (!sets.connected(i, j) && jaccard(shingles[i], shingles[j]) >= threshold) {
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

    /** The sample's distinct shingles as sorted 64-bit hashes. */
    private long[] shingles(String text) {
        List<String> tokens = Tokenizer.tokens(text);
        if (tokens.isEmpty()) {
            return new long[0];
        }
        long[] tokenHashes = tokens.stream().mapToLong(MinHashDetector::hash).toArray();
        int width = Math.min(shingleSize, tokenHashes.length);
        long[] hashes = new long[tokenHashes.length - width + 1];
        for (int start = 0; start < hashes.length; start++) {
            long h = width;
            for (int t = start; t < start + width; t++) {
                h = mix(h * 0x9E3779B97F4A7C15L + tokenHashes[t]);
            }
            hashes[start] = h;
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
    }

    /**
     * The key of one band of the sample's MinHash signature: its rows' minima (the low 32 bits of each), computed
     * here rather than kept, so that a million samples need no signature matrix.
     */
    private long bandKey(long[] shingleHashes, int band) {
        long key = band;
        for (int r = band * rows; r < (band + 1) * rows; r++) {
            long min = Long.MAX_VALUE;
            for (long shingle : shingleHashes) {
                min = Math.min(min, mix(shingle ^ hashSeeds[r]));
            }
            key = mix(key * 31 + (int) min);
        }
        return key;
    }

    /** |A ∩ B| / |A ∪ B| of two sorted, distinct arrays. */
    private static double jaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : (double) common / union;
    }

    /** 64-bit FNV-1a of the token's characters: stable across runs, unlike String.hashCode's 32 bits. */
    private static long hash(String token) {
        long h = 0xcbf29ce484222325L;
        for (int c = 0; c < token.length(); c++) {
            h ^= token.charAt(c);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
