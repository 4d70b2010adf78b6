package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags every member of a duplicate group but the earliest, naming the kept sample and the similarity:
 * "0.86 similar to #3, the earliest of its group (MinHash Jaccard)".
 */
public record DuplicateFilter(DuplicateDetector detector) implements CurationFilter {

    @Override
    public List<Flag> flag(List<SampleText> samples) {
        Pass pass = pass(samples.size());
        pass.add(samples);
        return pass.flags();
    }

    /** The detector's own pass, and each sample's id (8 bytes a sample) to put the flags in the run's order. */
    @Override
    public Pass pass(int expected) {
        DuplicateDetector.Pass groups = detector.pass(expected);
        return new Pass() {
            private long[] ids = new long[Math.max(16, expected)];
            private int size;

            @Override
            public void add(List<SampleText> page) {
                for (SampleText sample : page) {
                    if (size == ids.length) {
                        ids = Arrays.copyOf(ids, size * 2);
                    }
                    ids[size++] = sample.id();
                }
                groups.add(page);
            }

            @Override
            public List<Flag> flags() {
                long[] added = size == ids.length ? ids : Arrays.copyOf(ids, size);
                ids = null;
                List<DuplicateGroup> found = groups.groups(added);
                FlagKind kind = detector.flagKind();
                List<Flag> flags = new ArrayList<>();
                for (DuplicateGroup group : found) {
                    for (DuplicateMember member : group.duplicates()) {
                        String reason = kind == FlagKind.EXACT_DUPLICATE
                                ? "exact duplicate of #" + group.keptId() + " (" + detector.similarityName() + ")"
                                : Numbers.format(member.similarity()) + " similar to #" + group.keptId()
                                        + ", the earliest of its group (" + detector.similarityName() + ")";
                        flags.add(new Flag(member.sampleId(), kind, reason));
                    }
                }
                // Only the flagged samples' places are looked up, in one walk along the run.
                Map<Long, Integer> position = new HashMap<>();
                flags.forEach(flag -> position.put(flag.sampleId(), -1));
                for (int i = 0; i < added.length; i++) {
                    if (position.containsKey(added[i])) {
                        position.put(added[i], i);
                    }
                }
                flags.sort(Comparator.comparingInt(flag -> position.get(flag.sampleId())));
                return flags;
            }
        };
    }
}
