package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exact duplicates after normalising: lower case, every run of punctuation and whitespace turned into one space,
 * leading and trailing space removed. So "Where is my card?" and "where is  my card" are duplicates. Samples with
 * no text left after that are no one's duplicate.
 */
public final class ExactDuplicates implements DuplicateDetector {

    private static final Pattern SEPARATORS = Pattern.compile("[\\p{P}\\s]+");

    /** The text as duplicates are compared. */
    public static String normalise(String text) {
        return SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    @Override
    public List<DuplicateGroup> groups(List<SampleText> samples) {
        Pass pass = pass(samples.size());
        pass.add(samples);
        return pass.groups(samples.stream().mapToLong(SampleText::id).toArray());
    }

    /**
     * Keeps 8 bytes a sample, the 64-bit hash of its normalised text, not the text: two different
     * texts share a hash with a chance of about n² / 2⁶⁵, 3 in 100 million for a million samples.
     */
    @Override
    public Pass pass(int expected) {
        return new Pass() {
            private long[] hashes = new long[Math.max(16, expected)];
            private final BitSet blank = new BitSet();
            private int size;

            @Override
            public void add(List<SampleText> page) {
                for (SampleText sample : page) {
                    if (size == hashes.length) {
                        hashes = Arrays.copyOf(hashes, size * 2);
                    }
                    String normalised = normalise(sample.text());
                    // No text to compare (an annotate sample whose record has no text column): no duplicate of
                    // anything.
                    blank.set(size, normalised.isEmpty());
                    hashes[size] = TextHashes.mix(TextHashes.fnv(normalised));
                    size++;
                }
            }

            @Override
            public List<DuplicateGroup> groups(long[] ids) {
                // The hashes met more than once, found by sorting a copy; only their samples are looked at again.
                long[] sorted = Arrays.copyOf(hashes, size);
                // Released as soon as the groups are found: the pass lives on with its report.
                Arrays.sort(sorted);
                Set<Long> repeated = new HashSet<>();
                for (int i = 1; i < size; i++) {
                    if (sorted[i] == sorted[i - 1]) {
                        repeated.add(sorted[i]);
                    }
                }
                DisjointSets sets = new DisjointSets(size);
                Map<Long, Integer> first = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    if (!blank.get(i) && repeated.contains(hashes[i])) {
                        Integer earlier = first.putIfAbsent(hashes[i], i);
                        if (earlier != null) {
                            sets.union(earlier, i);
                        }
                    }
                }
                hashes = null;
                return sets.groups(ids, (kept, member) -> 1.0);
            }
        };
    }

    @Override
    public FlagKind flagKind() {
        return FlagKind.EXACT_DUPLICATE;
    }

    @Override
    public String similarityName() {
        return "exact match after normalising case, whitespace and punctuation";
    }
}
