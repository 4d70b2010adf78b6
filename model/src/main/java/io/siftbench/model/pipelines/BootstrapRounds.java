package io.siftbench.model.pipelines;

import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.runs.JudgedSamples;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.model.runs.RunStore;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.model.runs.Slot;
import io.siftbench.model.runs.StepLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The rounds of a bootstrap step ({@link Bootstrap}): the seeds of its pool, how the pool grew over the rounds
 * made so far ({@link PoolGrowth}), the slots of a round (demonstrations drawn by the seed from the pool as it stood
 * when the round was made) and the round that comes next. Everything is read from the pipeline run and the stored
 * samples, so that a round plans the same on every resume.
 */
public final class BootstrapRounds {

    private final PipelineStore pipelines;
    private final RunStore runs;
    private final SampleStore samples;
    private final DatasetStore datasets;
    private final ChainedSamples chained;
    private final Supplier<SampleEmbedder> embedder;

    /**
     * @param embedder gives texts their embeddings through the project's cache, for a bootstrap that compares by
     *                 embedding; asked for only then, as loading the model takes a while
     */
    public BootstrapRounds(
            PipelineStore pipelines,
            RunStore runs,
            SampleStore samples,
            DatasetStore datasets,
            ChainedSamples chained,
            Supplier<SampleEmbedder> embedder) {
        this.pipelines = pipelines;
        this.runs = runs;
        this.samples = samples;
        this.datasets = datasets;
        this.chained = chained;
        this.embedder = embedder;
    }

    /**
     * The rounds of the bootstrap steps whose runs {@code sources} holds (what Review reads a verdict with), the
     * texts embedded by {@code embedder} in the project's cache.
     */
    public static BootstrapRounds of(RunSources sources, Supplier<SampleEmbedder> embedder) {
        return new BootstrapRounds(
                sources.pipelines(),
                sources.runs(),
                sources.samples(),
                sources.datasets(),
                new ChainedSamples(
                        sources.pipelines(),
                        sources.runs(),
                        sources.samples(),
                        new JudgedSamples(sources.runs(), sources.samples(), sources.datasets())),
                () -> embedder.get().cachedIn(sources.textEmbeddings()));
    }

    /**
     * What became of {@code sample} of round {@code run}: joined the pool, rejected as too similar (to which member,
     * how similar), or left out as invalid; empty outside bootstrap rounds and for a failed request. The pool is
     * grown again over the rounds up to that one, so the verdict is the one the rounds were made with.
     */
    public Optional<PoolGrowth.Candidate> verdict(RunInfo run, Sample sample) {
        if (!isRound(run)) {
            return Optional.empty();
        }
        StepLink link = PipelineRunner.linkOf(run).orElseThrow();
        List<RunInfo> rounds = StepRounds.of(runs, link.pipelineRun(), link.step());
        int upTo = Math.min(link.round(), rounds.size());
        PoolGrowth growth = grownOver(rounds, upTo);
        return growth.rounds().get(upTo - 1).candidates().stream()
                .filter(c -> c.sample().id() == sample.id())
                .findFirst();
    }

    /** Whether {@code run} is a round of a bootstrap step. */
    public boolean isRound(RunInfo run) {
        return PipelineRunner.linkOf(run).filter(l -> l.round() != null).isPresent()
                && step(run).bootstrap() != null;
    }

    /**
     * The pool of the bootstrap step of pipeline run {@code pipelineRun} at position {@code step}, grown over every
     * round made so far in order (a round still running counts with what it has).
     */
    public PoolGrowth growth(long pipelineRun, int step) {
        List<RunInfo> rounds = StepRounds.of(runs, pipelineRun, step);
        return grownOver(rounds, rounds.size());
    }

    /** The slots of round {@code run}: a synthesis over its prompt's plan, each shown members of the pool. */
    public List<Slot> plan(RunInfo run, PromptVersion version) {
        StepLink link = PipelineRunner.linkOf(run).orElseThrow();
        Bootstrap b = step(run).bootstrap().effective();
        List<RunInfo> rounds = StepRounds.of(runs, link.pipelineRun(), link.step());
        List<String> pool = grownOver(rounds, link.round() - 1).pool();
        List<List<Integer>> picks = new ArrayList<>();
        RunPlanner.DemonstrationSource fromPool = (ordinal, input) -> {
            List<Integer> chosen =
                    draw(pool.size(), b.demonstrations(), run.config().seed(), link.round(), ordinal);
            picks.add(chosen);
            return chosen.stream()
                    .map(i -> new Demonstration(i, pool.get(i), "", Map.of()))
                    .toList();
        };
        List<Slot> planned = new RunPlanner(version)
                .synthesize(
                        run.config().target(),
                        fromPool,
                        RunDetails.fromJson(run.config().details()).cells());
        // The demonstrations are pool members, not records of the prompt's demonstrations dataset: the slot's key
        // names them by their place in the pool (the same on every resume) and its record ids stay empty.
        List<Slot> out = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            Slot s = planned.get(i);
            String pooled = picks.get(i).stream().map(p -> "p" + p).collect(Collectors.joining(","));
            out.add(new Slot(
                    s.key() + "|round=" + link.round() + "|pool=" + pooled,
                    s.ordinal(),
                    null,
                    s.conditions(),
                    List.of(),
                    s.messages()));
        }
        return out;
    }

    /** The round after those of {@code made} (each complete), or empty when the step is done. */
    Optional<RunConfig> next(List<RunInfo> made) {
        RunInfo last = made.get(made.size() - 1);
        int size = grownOver(made, made.size()).nextRoundSize();
        return size == 0 ? Optional.empty() : Optional.of(StepRounds.nextRound(last, size, d -> d));
    }

    /** {@code k} distinct pool positions out of {@code size}, drawn from the run's seed, the round and the slot. */
    static List<Integer> draw(int size, int k, long seed, int round, int ordinal) {
        List<Integer> all = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Random random = new Random(seed * 1_000_003L + round * 7_919L + ordinal);
        int n = Math.min(k, size);
        // A partial Fisher-Yates shuffle: the first n places are a uniform draw without repetition.
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(size - i);
            Integer swap = all.get(i);
            all.set(i, all.get(j));
            all.set(j, swap);
        }
        return List.copyOf(all.subList(0, n));
    }

    private PoolGrowth grownOver(List<RunInfo> rounds, int count) {
        if (rounds.isEmpty()) {
            throw new ProjectException("A bootstrap step has no round yet.");
        }
        RunInfo first = rounds.get(0);
        Bootstrap bootstrap = step(first).bootstrap();
        List<String> seeds = seeds(first);
        List<List<Sample>> answered = new ArrayList<>();
        for (RunInfo round : rounds.subList(0, count)) {
            answered.add(samples.list(round.id(), 0, Integer.MAX_VALUE));
        }
        PoolGrowth growth = new PoolGrowth(bootstrap, seeds, similarity(bootstrap, seeds, answered));
        for (int i = 0; i < count; i++) {
            growth.add(rounds.get(i), answered.get(i));
        }
        return growth;
    }

    /** ROUGE-L, or the cosine of the embeddings of every text the rounds judge (seeds and answers, embedded once). */
    private PoolGrowth.Similarity similarity(Bootstrap bootstrap, List<String> seeds, List<List<Sample>> answered) {
        if (!bootstrap.byEmbedding()) {
            return PoolGrowth.ROUGE_L;
        }
        if (embedder == null) {
            throw new ProjectException(
                    "This bootstrap step compares by embedding, and the embedding model is not" + " available here.");
        }
        List<SampleText> texts = new ArrayList<>();
        seeds.forEach(t -> texts.add(SampleText.of(-1 - texts.size(), t)));
        answered.forEach(round -> round.stream()
                .filter(s -> s.text() != null && !s.text().isBlank())
                .forEach(s -> texts.add(SampleText.of(s.id(), s.text()))));
        Map<String, float[]> vectors = new HashMap<>();
        embedder.get().embed(texts, InsightsProgress.NONE).forEach(t -> {
            if (t.hasEmbedding()) {
                vectors.put(t.text(), t.embedding());
            }
        });
        return PoolGrowth.cosine(vectors);
    }

    /** The seed texts: a column of the pipeline run's dataset, or the samples of an earlier step its link names. */
    private List<String> seeds(RunInfo firstRound) {
        StepLink link = PipelineRunner.linkOf(firstRound).orElseThrow();
        if (link.continuesAStep()) {
            return chained.selected(link.parentRun(), link.parentUpTo(), link.parentIds()).stream()
                    .map(Sample::text)
                    .filter(t -> t != null && !t.isBlank())
                    .toList();
        }
        PipelineRun pipelineRun = pipelineRun(link);
        String column = pipelineRun
                .pipeline()
                .pipeline()
                .steps()
                .get(link.step())
                .bootstrap()
                .source()
                .orElseThrow()
                .column();
        Long datasetId = pipelineRun.settings().datasetId();
        if (datasetId == null) {
            throw new ProjectException("Pipeline run " + link.pipelineRun() + " has no dataset to take seeds from.");
        }
        List<String> texts = new ArrayList<>();
        datasets.forEachRecord(datasetId, r -> {
            String text = r.text(column);
            if (text != null && !text.isBlank()) {
                texts.add(text);
            }
        });
        return texts;
    }

    private PipelineStep step(RunInfo run) {
        StepLink link = PipelineRunner.linkOf(run).orElseThrow();
        // Counted as the runs are: a dialogue's turns are steps of their own.
        return DialogueTurns.unrolled(pipelineRun(link).pipeline().pipeline())
                .steps()
                .get(link.step());
    }

    private PipelineRun pipelineRun(StepLink link) {
        return pipelines
                .findRun(link.pipelineRun())
                .orElseThrow(() -> new ProjectException("Pipeline run " + link.pipelineRun() + " is gone."));
    }
}
