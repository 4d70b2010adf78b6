package io.siftbench.model.pipelines;

import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.insights.RougeL;
import io.siftbench.model.insights.Tokenizer;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a bootstrap step's pool grew, read from its seeds and its rounds' stored samples alone: in each round, in
 * the plan's order, a candidate whose output failed validation is left out, one whose ROUGE-L F (or, as the step
 * chooses, embedding cosine) against some pool member reaches the threshold is rejected as too similar (Self-Instruct compares with the candidates accepted just
 * before it in the same round too), and the others join the pool until the target is reached. The same samples
 * always give the same verdicts, so nothing of it needs storing: a kill at any moment, and the resume, read it
 * the same. Rejected candidates stay stored samples of their round; their verdict says why.
 */
public final class PoolGrowth {

    /** What became of one candidate. */
    public enum Verdict {
        ADDED,
        TOO_SIMILAR,
        INVALID;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One candidate and its verdict.
     *
     * @param score     its highest similarity to the pool as it stood (0 for an invalid one)
     * @param closestTo the pool member with that score, as text; null when the pool was empty
     * @param measure   what the score is: "ROUGE-L" or "cosine"
     */
    public record Candidate(Sample sample, Verdict verdict, double score, String closestTo, String measure) {

        /** The verdict as the Review card says it: why, and the pool member it is closest to. */
        public String described() {
            return closestTo == null || verdict == Verdict.INVALID
                    ? "Pool: " + reason()
                    : String.format(
                            Locale.ROOT, "Pool: %s; closest member (%s %.2f): %s", reason(), measure, score, closestTo);
        }

        /** Why a rejected candidate was rejected, as Review and the command line say it. */
        public String reason() {
            return switch (verdict) {
                case ADDED -> "added to the pool";
                case TOO_SIMILAR -> String.format(Locale.ROOT, "too similar to pool (%s %.2f)", measure, score);
                case INVALID -> "invalid output";
            };
        }
    }

    /** A round's run and its candidates in the plan's order. */
    public record Round(int number, RunInfo run, List<Candidate> candidates) {

        public long count(Verdict verdict) {
            return candidates.stream().filter(c -> c.verdict() == verdict).count();
        }
    }

    /**
     * How similar two texts are, from 0 to 1: ROUGE-L F over their tokens, or the cosine of their embeddings. Each
     * text is prepared once (tokenized, or its vector looked up) and then compared with every pool member.
     */
    public interface Similarity {
        /** What the score is, as the verdicts say it. */
        String measure();

        Object prepared(String text);

        double score(Object a, Object b);
    }

    /** ROUGE-L F over the project's tokens, as Self-Instruct measures it. */
    public static final Similarity ROUGE_L = new Similarity() {
        @Override
        public String measure() {
            return "ROUGE-L";
        }

        @Override
        public Object prepared(String text) {
            return Tokenizer.tokens(text);
        }

        @SuppressWarnings("unchecked")
        @Override
        public double score(Object a, Object b) {
            return RougeL.f((List<String>) a, (List<String>) b);
        }
    };

    /** The cosine of the texts' embeddings, looked up in {@code vectors} (every text judged must have one). */
    public static Similarity cosine(Map<String, float[]> vectors) {
        return new Similarity() {
            @Override
            public String measure() {
                return "cosine";
            }

            @Override
            public Object prepared(String text) {
                float[] v = vectors.get(text);
                if (v == null) {
                    throw new IllegalStateException("No embedding for a text of the pool: " + text);
                }
                return v;
            }

            @Override
            public double score(Object a, Object b) {
                return Vectors.cosine((float[]) a, (float[]) b);
            }
        };
    }

    private final Bootstrap bootstrap;
    private final Similarity similarity;
    private final List<String> pool = new ArrayList<>();
    private final List<Object> poolPrepared = new ArrayList<>();
    private final List<Round> rounds = new ArrayList<>();
    private int accepted;

    /** A pool of {@code seeds}, with {@code bootstrap}'s threshold and target (its defaults filled), by ROUGE-L. */
    public PoolGrowth(Bootstrap bootstrap, List<String> seeds) {
        this(bootstrap, seeds, ROUGE_L);
    }

    /** A pool of {@code seeds}, with {@code bootstrap}'s threshold and target, compared by {@code similarity}. */
    public PoolGrowth(Bootstrap bootstrap, List<String> seeds, Similarity similarity) {
        this.bootstrap = bootstrap.effective();
        this.similarity = similarity;
        seeds.forEach(this::join);
    }

    /** Judges the answered samples of round {@code run} against the pool and grows it. */
    public Round add(RunInfo run, List<Sample> samples) {
        List<Candidate> judged = new ArrayList<>();
        List<Sample> ordered = samples.stream()
                .filter(s -> !s.failed())
                .sorted(Comparator.comparingInt((Sample s) -> s.slot().ordinal()))
                .toList();
        for (Sample s : ordered) {
            if (!s.valid() || s.text() == null || s.text().isBlank()) {
                judged.add(new Candidate(s, Verdict.INVALID, 0, null, similarity.measure()));
                continue;
            }
            Object prepared = similarity.prepared(s.text());
            double best = 0;
            String closest = null;
            for (int i = 0; i < pool.size(); i++) {
                double f = similarity.score(prepared, poolPrepared.get(i));
                if (f > best || closest == null) {
                    best = f;
                    closest = pool.get(i);
                }
            }
            if (closest != null && best >= bootstrap.threshold()) {
                judged.add(new Candidate(s, Verdict.TOO_SIMILAR, best, closest, similarity.measure()));
            } else {
                judged.add(new Candidate(s, Verdict.ADDED, best, closest, similarity.measure()));
                join(s.text());
                accepted++;
            }
        }
        Round round = new Round(rounds.size() + 1, run, List.copyOf(judged));
        rounds.add(round);
        return round;
    }

    private void join(String text) {
        pool.add(text);
        poolPrepared.add(similarity.prepared(text));
    }

    /** The pool now: the seeds, then the accepted candidates in the order they joined. */
    public List<String> pool() {
        return List.copyOf(pool);
    }

    public List<Round> rounds() {
        return List.copyOf(rounds);
    }

    /** How many candidates joined the pool in all. */
    public int accepted() {
        return accepted;
    }

    /**
     * How many candidates the next round asks for: none when the target is reached, the last round added less
     * than the minimum share of its candidates, or the rounds are used up; else a round's worth, or what is still
     * needed when that is fewer.
     */
    public int nextRoundSize() {
        if (accepted >= bootstrap.target() || rounds.size() >= bootstrap.maxRounds()) {
            return 0;
        }
        if (!rounds.isEmpty()) {
            Round last = rounds.get(rounds.size() - 1);
            if (last.count(Verdict.ADDED)
                    < bootstrap.minShare() * last.run().config().target()) {
                return 0;
            }
        }
        return Math.min(bootstrap.perRound(), bootstrap.target() - accepted);
    }
}
