package io.siftbench.model.demonstrations;

import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Picks the demonstrations of each sample from a pool of records by the prompt's strategy. It is pure:
 * the same pool, spec, vectors and query give the same picks, so a resumed run shows the model exactly
 * what the first attempt would have.
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
    public record Query(long salt, Long recordId, float[] vector) {
    }

    private final Demonstrations spec;
    private final List<Demonstration> pool;
    private final Map<Long, float[]> unitVectors = new HashMap<>();
    private final List<Demonstration> fixed;

    /**
     * @param vectors the pool's embeddings by record id; needed only for similar and diverse
     * @throws IllegalArgumentException when a fixed id is not in the pool or a pool record has no vector
     *         where one is needed
     */
    public DemonstrationPicker(Demonstrations spec, List<Demonstration> pool, Map<Long, float[]> vectors) {
        this.spec = spec;
        this.pool = List.copyOf(pool);
        this.fixed = spec.strategy() == DemonstrationStrategy.FIXED ? fixed() : List.of();
        switch (spec.strategy()) {
            case SIMILAR, DIVERSE -> this.pool.forEach(d -> {
                float[] v = vectors.get(d.id());
                if (v == null) {
                    throw new IllegalArgumentException("demonstrations: record " + d.id() + " of dataset '"
                            + spec.dataset() + "' has no embedding");
                }
                unitVectors.put(d.id(), Vectors.unit(v));
            });
            default -> { }
        }
    }

    public List<Demonstration> pick(Query query) {
        List<Demonstration> candidates = query.recordId() == null ? pool
                : pool.stream().filter(d -> d.id() != query.recordId()).toList();
        int k = Math.min(spec.k(), candidates.size());
        Random random = new Random(spec.seed() ^ (query.salt() * 0x9E3779B97F4A7C15L));
        return switch (spec.strategy()) {
            case FIXED -> fixed.subList(0, Math.min(spec.k(), fixed.size()));
            case RANDOM -> random(candidates, k, random);
            case BALANCED -> balanced(candidates, k, random);
            case SIMILAR -> nearest(candidates, k, requireVector(query));
            case DIVERSE -> diverse(candidates, k, query.vector(), random);
        };
    }

    private List<Demonstration> fixed() {
        Map<Long, Demonstration> byId = new HashMap<>();
        pool.forEach(d -> byId.put(d.id(), d));
        List<Demonstration> out = new ArrayList<>();
        for (Long id : spec.ids()) {
            Demonstration d = byId.get(id);
            if (d == null) {
                throw new IllegalArgumentException("demonstrations.ids: dataset '" + spec.dataset() + "' has no record " + id);
            }
            out.add(d);
        }
        return out;
    }

    private float[] requireVector(Query query) {
        if (query.vector() == null) {
            throw new IllegalArgumentException("demonstrations: the similar strategy needs a record to compare with"
                    + " (annotate mode); use diverse or random for synthesis");
        }
        return Vectors.unit(query.vector());
    }

    /** k distinct records drawn uniformly, without copying the pool for every sample. */
    private static List<Demonstration> random(List<Demonstration> candidates, int k, Random random) {
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < k) {
            chosen.add(random.nextInt(candidates.size()));
        }
        return chosen.stream().map(candidates::get).toList();
    }

    /** Round robin over the labels in a seeded order, a random unused record of each label per round. */
    private static List<Demonstration> balanced(List<Demonstration> candidates, int k, Random random) {
        Map<String, List<Demonstration>> byLabel = new TreeMap<>();
        candidates.forEach(d -> byLabel.computeIfAbsent(d.label(), l -> new ArrayList<>()).add(d));
        List<List<Demonstration>> groups = new ArrayList<>();
        byLabel.values().forEach(g -> groups.add(new ArrayList<>(g)));
        java.util.Collections.shuffle(groups, random);
        List<Demonstration> out = new ArrayList<>(k);
        while (out.size() < k) {
            for (List<Demonstration> group : groups) {
                if (out.size() < k && !group.isEmpty()) {
                    out.add(group.remove(random.nextInt(group.size())));
                }
            }
        }
        return out;
    }

    /** The k records nearest to {@code query} by cosine, nearest first (ties by id, for stability). */
    private List<Demonstration> nearest(List<Demonstration> candidates, int k, float[] query) {
        Comparator<Demonstration> bySimilarity = Comparator.comparingDouble(
                (Demonstration d) -> -Vectors.dot(unitVectors.get(d.id()), query)).thenComparingLong(Demonstration::id);
        return candidates.stream().sorted(bySimilarity).limit(k).toList();
    }

    /**
     * Maximal marginal relevance: each pick maximises λ·sim(query, d) − (1−λ)·max sim(d, picked). Without a
     * query (synthesis) relevance is 0, so it spreads out from a seeded random start.
     */
    private List<Demonstration> diverse(List<Demonstration> candidates, int k, float[] rawQuery, Random random) {
        float[] query = rawQuery == null ? null : Vectors.unit(rawQuery);
        List<Demonstration> pending = query == null ? new ArrayList<>(candidates)
                : new ArrayList<>(nearest(candidates, Math.max(k, MMR_CANDIDATES_PER_PICK * k), query));
        Map<Long, Double> relevance = new LinkedHashMap<>();
        pending.forEach(d -> relevance.put(d.id(), query == null ? 0.0 : Vectors.dot(unitVectors.get(d.id()), query)));
        Map<Long, Double> redundancy = new HashMap<>();
        List<Demonstration> out = new ArrayList<>(k);
        while (out.size() < k) {
            Demonstration best = out.isEmpty() && query == null ? pending.get(random.nextInt(pending.size()))
                    : pending.stream().max(Comparator.comparingDouble((Demonstration d) ->
                            MMR_LAMBDA * relevance.get(d.id()) - (1 - MMR_LAMBDA) * redundancy.getOrDefault(d.id(), 0.0))
                            .thenComparingLong(d -> -d.id())).orElseThrow();
            pending.remove(best);
            out.add(best);
            float[] picked = unitVectors.get(best.id());
            pending.forEach(d -> redundancy.merge(d.id(), Vectors.dot(unitVectors.get(d.id()), picked), Math::max));
        }
        return out;
    }
}
