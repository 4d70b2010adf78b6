package io.siftbench.model.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Union-find over sample positions whose root is always the smallest (earliest) position, which is the member a
 * duplicate group keeps.
 */
final class DisjointSets {

    private final int[] parent;

    DisjointSets(int size) {
        parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
    }

    int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    void union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }

    /** Every position's root as things stand, for threads that must not compress paths while others read. */
    int[] roots() {
        int[] roots = new int[parent.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = find(i);
        }
        return roots;
    }

    boolean connected(int a, int b) {
        return find(a) == find(b);
    }

    /**
     * The groups of more than one position, earliest first, as sample ids; {@code similarity} rates a member
     * against its group's kept position.
     */
    List<DuplicateGroup> groups(long[] ids, SimilarityToKept similarity) {
        Map<Integer, List<DuplicateMember>> members = new TreeMap<>();
        for (int i = 0; i < parent.length; i++) {
            int root = find(i);
            if (root != i) {
                members.computeIfAbsent(root, r -> new ArrayList<>())
                        .add(new DuplicateMember(ids[i], similarity.between(root, i)));
            }
        }
        List<DuplicateGroup> groups = new ArrayList<>();
        members.forEach((root, duplicates) -> groups.add(new DuplicateGroup(ids[root], duplicates)));
        return groups;
    }

    /** How similar the member at one position is to the kept sample at another. */
    interface SimilarityToKept {
        double between(int kept, int member);
    }
}
