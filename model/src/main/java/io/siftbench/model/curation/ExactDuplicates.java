package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        DisjointSets sets = new DisjointSets(samples.size());
        Map<String, Integer> first = new HashMap<>();
        long[] ids = new long[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            ids[i] = samples.get(i).id();
            String normalised = normalise(samples.get(i).text());
            if (normalised.isEmpty()) {
                // No text to compare (an annotate sample whose record has no text column): no duplicate of anything.
                continue;
            }
            Integer earlier = first.putIfAbsent(normalised, i);
            if (earlier != null) {
                sets.union(earlier, i);
            }
        }
        return sets.groups(ids, (kept, member) -> 1.0);
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
