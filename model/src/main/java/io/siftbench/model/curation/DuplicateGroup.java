package io.siftbench.model.curation;

import java.util.List;

/**
 * Samples that duplicate one another: the earliest one is kept, the others are flagged. Membership is transitive
 * (a group is a connected component of "similar" pairs), so a member's similarity to the kept sample can be a
 * little below the threshold.
 */
public record DuplicateGroup(long keptId, List<DuplicateMember> duplicates) {

    public DuplicateGroup {
        duplicates = List.copyOf(duplicates);
    }
}
