package io.siftbench.model.curation;

import io.siftbench.model.insights.KMeans;
import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One sample per cluster first: k-means over the embeddings, then rounds that each take, from every cluster
 * (largest cluster first), its sample nearest the centroid not yet taken. The first k samples thus cover every
 * cluster with its most typical member. Samples without an embedding come last, in generation order.
 */
public record ClusterFirstOrder(int clusters, long seed) implements ReviewOrder {

    public static final int DEFAULT_CLUSTERS = 10;

    public ClusterFirstOrder {
        if (clusters < 1) {
            throw new IllegalArgumentException("k-means needs at least one cluster, was " + clusters);
        }
    }

    @Override
    public List<SampleText> order(List<SampleText> queue, List<SampleText> reviewed) {
        EmbeddedQueue split = EmbeddedQueue.of(queue);
        KMeans kMeans = KMeans.of(split.units(), clusters, seed);
        int[] assignment = kMeans.assignment();
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < Math.min(clusters, split.units().length); c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < assignment.length; i++) {
            members.get(assignment[i]).add(i);
        }
        for (int c = 0; c < members.size(); c++) {
            int cluster = c;
            members.get(c).sort(Comparator.comparingDouble(i -> kMeans.distance(split.units()[i], cluster)));
        }
        members.sort(Comparator.comparingInt((List<Integer> cluster) -> -cluster.size()));
        List<SampleText> ordered = new ArrayList<>(queue.size());
        for (int round = 0; ordered.size() < split.embedded().size(); round++) {
            for (List<Integer> cluster : members) {
                if (round < cluster.size()) {
                    ordered.add(split.embedded().get(cluster.get(round)));
                }
            }
        }
        ordered.addAll(split.withoutEmbedding());
        return ordered;
    }
}
