package io.siftbench.model.curation;

import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;

/**
 * Diverse-representative first, after vote-k (Su et al., 2022, "Selective annotation makes language models
 * better few-shot learners"). Each sample v points to its {@code neighbours} nearest samples by embedding cosine,
 * kNN(v). Greedily, the next sample is the queued u with the largest score
 * <pre>  score(u) = Σ over not-yet-chosen v with u ∈ kNN(v) of ρ^(−|{ℓ chosen : ℓ ∈ kNN(v)}|)</pre>
 * so a sample many others point to (central in its neighbourhood) scores high, and each vote counts less the
 * more of the voter's neighbours are already chosen (far from what was reviewed). The already reviewed samples
 * count as chosen from the start. Samples without an embedding come last, in generation order.
 */
public record DiverseRepresentativeOrder(int neighbours, double rho) implements ReviewOrder {

    public static final int DEFAULT_NEIGHBOURS = 10;
    public static final double DEFAULT_RHO = 10;

    public DiverseRepresentativeOrder {
        if (neighbours < 1 || rho <= 1) {
            throw new IllegalArgumentException(
                    "vote-k needs at least one neighbour and ρ > 1; got " + neighbours + " and " + rho);
        }
    }

    @Override
    public List<SampleText> order(List<SampleText> queue, List<SampleText> reviewed) {
        EmbeddedQueue queued = EmbeddedQueue.of(queue);
        EmbeddedQueue done = EmbeddedQueue.of(reviewed);
        // Queued samples take positions 0 … queued − 1 of the graph, reviewed ones the positions after them.
        int candidates = queued.units().length;
        float[][] units = new float[candidates + done.units().length][];
        System.arraycopy(queued.units(), 0, units, 0, candidates);
        System.arraycopy(done.units(), 0, units, candidates, done.units().length);
        int[][] nearest = nearestNeighbours(units);
        List<List<Integer>> voters = new ArrayList<>();
        for (int u = 0; u < units.length; u++) {
            voters.add(new ArrayList<>());
        }
        for (int v = 0; v < units.length; v++) {
            for (int u : nearest[v]) {
                voters.get(u).add(v);
            }
        }
        VoteK voteK = new VoteK(nearest, voters);
        for (int r = candidates; r < units.length; r++) {
            voteK.choose(r);
        }
        List<SampleText> ordered = new ArrayList<>(queue.size());
        for (int step = 0; step < candidates; step++) {
            int best = voteK.best();
            voteK.choose(best);
            ordered.add(queued.embedded().get(best));
        }
        ordered.addAll(queued.withoutEmbedding());
        return ordered;
    }

    /** The scores of the greedy selection, updated as samples are chosen rather than recomputed. */
    private final class VoteK {
        private final int[][] nearest;
        private final List<List<Integer>> voters;
        private final double[] score;
        private final int[] covered;
        private final boolean[] chosen;

        VoteK(int[][] nearest, List<List<Integer>> voters) {
            this.nearest = nearest;
            this.voters = voters;
            int n = nearest.length;
            score = new double[n];
            covered = new int[n];
            chosen = new boolean[n];
            for (int v = 0; v < n; v++) {
                for (int u : nearest[v]) {
                    score[u] += 1; // ρ^0: nothing is chosen yet
                }
            }
        }

        /** The earliest not-chosen sample of the highest score. */
        int best() {
            int best = -1;
            for (int u = 0; u < score.length; u++) {
                if (!chosen[u] && (best < 0 || score[u] > score[best])) {
                    best = u;
                }
            }
            return best;
        }

        void choose(int u) {
            chosen[u] = true;
            // u no longer votes: a chosen sample is not in U.
            double ownVote = Math.pow(rho, -covered[u]);
            for (int w : nearest[u]) {
                score[w] -= ownVote;
            }
            // Every voter that has u among its neighbours now counts less, for all the samples it votes for.
            for (int v : voters.get(u)) {
                if (!chosen[v]) {
                    double before = Math.pow(rho, -covered[v]);
                    covered[v]++;
                    double change = Math.pow(rho, -covered[v]) - before;
                    for (int w : nearest[v]) {
                        score[w] += change;
                    }
                }
            }
        }
    }

    /** For each sample, the indexes of its {@code neighbours} most similar other samples. */
    private int[][] nearestNeighbours(float[][] units) {
        int n = units.length;
        int k = Math.min(neighbours, n - 1);
        int[][] nearest = new int[n][];
        for (int v = 0; v < n; v++) {
            // The k best so far, most similar first; a candidate enters only when it beats the last one.
            int[] best = new int[k];
            double[] similarity = new double[k];
            int found = 0;
            for (int u = 0; u < n; u++) {
                if (u == v) {
                    continue;
                }
                double cosine = Vectors.dot(units[v], units[u]);
                if (found < k || cosine > similarity[k - 1]) {
                    int slot = Math.min(found, k - 1);
                    while (slot > 0 && similarity[slot - 1] < cosine) {
                        similarity[slot] = similarity[slot - 1];
                        best[slot] = best[slot - 1];
                        slot--;
                    }
                    similarity[slot] = cosine;
                    best[slot] = u;
                    found = Math.min(found + 1, k);
                }
            }
            nearest[v] = best;
        }
        return nearest;
    }
}
