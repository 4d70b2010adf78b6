package io.siftbench.model.curation;

import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
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
        FlagKind kind = detector.flagKind();
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            position.put(samples.get(i).id(), i);
        }
        List<Flag> flags = new ArrayList<>();
        for (DuplicateGroup group : detector.groups(samples)) {
            for (DuplicateMember member : group.duplicates()) {
                String reason = kind == FlagKind.EXACT_DUPLICATE
                        ? "exact duplicate of #" + group.keptId() + " (" + detector.similarityName() + ")"
                        : Numbers.format(member.similarity()) + " similar to #" + group.keptId()
                                + ", the earliest of its group (" + detector.similarityName() + ")";
                flags.add(new Flag(member.sampleId(), kind, reason));
            }
        }
        flags.sort(Comparator.comparing(flag -> position.get(flag.sampleId())));
        return flags;
    }
}
