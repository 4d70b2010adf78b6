package io.siftbench.model.pipelines;

import io.siftbench.model.insights.RougeL;
import io.siftbench.model.insights.Tokenizer;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How a bootstrap step's pool grew, read from its seeds and its rounds' stored samples alone: in each round, in
 * the plan's order, a candidate whose output failed validation is left out, one whose ROUGE-L F against some pool
 * member reaches the threshold is rejected as too similar (Self-Instruct compares with the candidates accepted just
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
     * @param score     its highest ROUGE-L F against the pool as it stood (0 for an invalid one)
     * @param closestTo the pool member with that score, as text; null when the pool was empty
     */
    public record Candidate(Sample sample, Verdict verdict, double score, String closestTo) {

        /** The verdict as the Review card says it: why, and the pool member it is closest to. */
        public String described() {
            return closestTo == null || verdict == Verdict.INVALID
                    ? "Pool: " + reason()
                    : String.format(
                            Locale.ROOT, "Pool: %s; closest member (ROUGE-L %.2f): %s", reason(), score, closestTo);
        }

        /** Why a rejected candidate was rejected, as Review and the command line say it. */
        public String reason() {
            return switch (verdict) {
                case ADDED -> "added to the pool";
                case TOO_SIMILAR -> String.format(Locale.ROOT, "too similar to pool (ROUGE-L %.2f)", score);
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

    private final Bootstrap bootstrap;
    private final List<String> pool = new ArrayList<>();
    private final List<List<String>> poolTokens = new ArrayList<>();
    private final List<Round> rounds = new ArrayList<>();
    private int accepted;

    /** A pool of {@code seeds}, with {@code bootstrap}'s threshold and target (its defaults filled). */
    public PoolGrowth(Bootstrap bootstrap, List<String> seeds) {
        this.bootstrap = bootstrap.effective();
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
                judged.add(new Candidate(s, Verdict.INVALID, 0, null));
                continue;
            }
            List<String> tokens = Tokenizer.tokens(s.text());
            double best = 0;
            String closest = null;
            for (int i = 0; i < pool.size(); i++) {
                double f = RougeL.f(tokens, poolTokens.get(i));
                if (f > best || closest == null) {
                    best = f;
                    closest = pool.get(i);
                }
            }
            if (closest != null && best >= bootstrap.threshold()) {
                judged.add(new Candidate(s, Verdict.TOO_SIMILAR, best, closest));
            } else {
                judged.add(new Candidate(s, Verdict.ADDED, best, closest));
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
        poolTokens.add(Tokenizer.tokens(text));
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
