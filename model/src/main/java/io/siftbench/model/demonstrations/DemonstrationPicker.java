package io.siftbench.model.demonstrations;

import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Picks the demonstrations of each sample from a pool of records by the prompt's strategy. It is pure:
 * the same pool, spec, vectors and query give the same picks, so a resumed run shows the model exactly
 * what the first attempt would have. Everything that depends only on the pool (label groups, unit
 * vectors) is prepared once, so that a pick costs no copy of the pool.
 */
public final class DemonstrationPicker {

    /**
     * MMR's trade-off: 1 is pure relevance (= similar), 0 pure novelty. Below one half on purpose: at 0.5 a
     * near-copy of the first pick scores about as well as a distinct record (both terms cancel), so the
     * picks cluster; relevance is already ensured by re-ranking only the nearest candidates.
     */
    static final double MMR_LAMBDA = 0.3;
    /** MMR re-ranks only the nearest candidates; further ones would never win on relevance anyway. */
    private static final int MMR_CANDIDATES_PER_PICK = 5;

    /**
     * What a sample's demonstrations depend on.
     *
     * @param salt     varies the random strategies per sample (e.g. the sample's ordinal), under the spec's seed
     * @param recordId the current record when it is in the pool itself, so it never demonstrates itself; or null
     * @param vector   the current record's embedding (similar and diverse), or null in synthesize mode
     */
    public record Query(long salt, Long recordId, float[] vector) {}

    private final Demonstrations spec;
    private final List<Demonstration> pool;
    private final Map<Long, Integer> indexById = new HashMap<>();
    private final List<Demonstration> fixed;
    /** The pool's indices per label, labels in name order; for the balanced strategy. */
    private final List<int[]> labelGroups = new ArrayList<>();
    /** The pool's vectors scaled to length 1, by pool index; for similar and diverse. */
    private final float[][] units;

    /**
     * @param vectors the pool's embeddings by record id; needed only for similar and diverse
     * @throws IllegalArgumentException when a fixed id is not in the pool or a pool record has no vector
     *         where one is needed
     */
    public DemonstrationPicker(Demonstrations spec, List<Demonstration> pool, Map<Long, float[]> vectors) {
        this.spec = spec;
        this.pool = List.copyOf(pool);
        for (int i = 0; i < this.pool.size(); i++) {
            indexById.put(this.pool.get(i).id(), i);
        }
        this.fixed = spec.strategy() == DemonstrationStrategy.FIXED ? fixed() : List.of();
        if (spec.strategy() == DemonstrationStrategy.BALANCED) {
            Map<String, List<Integer>> byLabel = new TreeMap<>();
            for (int i = 0; i < this.pool.size(); i++) {
                byLabel.computeIfAbsent(this.pool.get(i).label(), l -> new ArrayList<>())
                        .add(i);
            }
            byLabel.values()
                    .forEach(g -> labelGroups.add(
                            g.stream().mapToInt(Integer::intValue).toArray()));
        }
        boolean embedded =
                spec.strategy() == DemonstrationStrategy.SIMILAR || spec.strategy() == DemonstrationStrategy.DIVERSE;
        this.units = new float[embedded ? this.pool.size() : 0][];
        for (int i = 0; i < units.length; i++) {
            float[] v = vectors.get(this.pool.get(i).id());
            if (v == null) {
                throw new IllegalArgumentException("demonstrations: record "
                        + this.pool.get(i).id() + " of dataset '" + spec.dataset() + "' has no embedding");
            }
            units[i] = Vectors.unit(v);
        }
    }

    public List<Demonstration> pick(Query query) {
        int excluded = query.recordId() == null ? -1 : indexById.getOrDefault(query.recordId(), -1);
        int k = Math.min(spec.k(), pool.size() - (excluded >= 0 ? 1 : 0));
        Random random = new Random(spec.seed() ^ (query.salt() * 0x9E3779B97F4A7C15L));
        List<Integer> picked =
                switch (spec.strategy()) {
                    case FIXED -> null;
                    case RANDOM -> random(k, excluded, random);
                    case BALANCED -> balanced(k, excluded, random);
                    case SIMILAR -> nearest(k, excluded, requireVector(query));
                    case DIVERSE -> diverse(k, excluded, query.vector(), random);
                };
        return picked == null
                ? fixed.subList(0, Math.min(spec.k(), fixed.size()))
                : picked.stream().map(pool::get).toList();
    }

    private List<Demonstration> fixed() {
        List<Demonstration> out = new ArrayList<>();
        for (Long id : spec.ids()) {
            Integer i = indexById.get(id);
            if (i == null) {
                throw new IllegalArgumentException(
                        "demonstrations.ids: dataset '" + spec.dataset() + "' has no record " + id);
            }
            out.add(pool.get(i));
        }
        return out;
    }

    private static float[] requireVector(Query query) {
        if (query.vector() == null) {
            throw new IllegalArgumentException("demonstrations: the similar strategy needs a record to compare with"
                    + " (annotate mode); use diverse or random for synthesis");
        }
        return Vectors.unit(query.vector());
    }

    /** k distinct records drawn uniformly. */
    private List<Integer> random(int k, int excluded, Random random) {
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < k) {
            int i = random.nextInt(pool.size());
            if (i != excluded) {
                chosen.add(i);
            }
        }
        return new ArrayList<>(chosen);
    }

    /** Round robin over the labels in a seeded order, a random unused record of each label per round. */
    private List<Integer> balanced(int k, int excluded, Random random) {
        List<int[]> groups = new ArrayList<>(labelGroups);
        Collections.shuffle(groups, random);
        Set<Integer> chosen = new LinkedHashSet<>();
        Map<int[], Integer> left = new HashMap<>();
        groups.forEach(g -> left.put(g, g.length - (contains(g, excluded) ? 1 : 0)));
        while (chosen.size() < k) {
            for (int[] group : groups) {
                if (chosen.size() < k && left.get(group) > 0) {
                    int i;
                    do {
                        i = group[random.nextInt(group.length)];
                    } while (i == excluded || chosen.contains(i));
                    chosen.add(i);
                    left.merge(group, -1, Integer::sum);
                }
            }
        }
        return new ArrayList<>(chosen);
    }

    private static boolean contains(int[] group, int index) {
        for (int i : group) {
            if (i == index) {
                return true;
            }
        }
        return false;
    }

    /**
     * The k records nearest to {@code query} by cosine, nearest first (ties by id, for stability). A bounded
     * heap keeps this O(n log k): sorting a 10,000-record pool for every sample would cost milliseconds.
     */
    private List<Integer> nearest(int k, int excluded, float[] query) {
        Comparator<Scored> worstFirst = Comparator.comparingDouble(Scored::similarity)
                .thenComparing(Comparator.comparingLong(
                                (Scored x) -> pool.get(x.index()).id())
                        .reversed());
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, worstFirst);
        for (int i = 0; i < units.length; i++) {
            if (i != excluded) {
                double similarity = dot(units[i], query);
                if (best.size() < k || similarity > best.peek().similarity()) {
                    best.add(new Scored(i, similarity));
                    if (best.size() > k) {
                        best.poll();
                    }
                }
            }
        }
        List<Scored> out = new ArrayList<>(best);
        out.sort(worstFirst.reversed());
        return out.stream().map(Scored::index).toList();
    }

    /** A pool index with its similarity to the query. */
    private record Scored(int index, double similarity) {}

    /**
     * Maximal marginal relevance: each pick maximises λ·sim(query, d) − (1−λ)·max sim(d, picked). Without a
     * query (synthesis) relevance is 0, so it spreads out from a seeded random start.
     */
    private List<Integer> diverse(int k, int excluded, float[] rawQuery, Random random) {
        float[] query = rawQuery == null ? null : Vectors.unit(rawQuery);
        List<Integer> pending = new ArrayList<>();
        if (query == null) {
            for (int i = 0; i < units.length; i++) {
                if (i != excluded) {
                    pending.add(i);
                }
            }
        } else {
            pending.addAll(nearest(Math.max(k, MMR_CANDIDATES_PER_PICK * k), excluded, query));
        }
        Map<Integer, Double> relevance = new HashMap<>();
        pending.forEach(i -> relevance.put(i, query == null ? 0.0 : dot(units[i], query)));
        Map<Integer, Double> redundancy = new HashMap<>();
        List<Integer> out = new ArrayList<>(k);
        Set<Integer> taken = new HashSet<>();
        while (out.size() < k) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            if (out.isEmpty() && query == null) {
                best = pending.get(random.nextInt(pending.size()));
            } else {
                for (int i : pending) {
                    double score = MMR_LAMBDA * relevance.get(i) - (1 - MMR_LAMBDA) * redundancy.getOrDefault(i, 0.0);
                    if (!taken.contains(i) && score > bestScore) {
                        best = i;
                        bestScore = score;
                    }
                }
            }
            taken.add(best);
            out.add(best);
            float[] chosen = units[best];
            for (int i : pending) {
                redundancy.merge(i, dot(units[i], chosen), Math::max);
            }
        }
        return out;
    }

    /** Float accumulation on purpose: vectors are unit length, and it is what keeps k-NN over a pool fast. */
    private static double dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
