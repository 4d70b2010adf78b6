package io.siftbench.model.curation;

import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.RunSampleSet;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionAction;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.ContinuedTurns;
import io.siftbench.model.runs.DialogueTurn;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.StepLink;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.StudentSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The curation filters applied to one run of a project: the flags shown in the review card and table, and the
 * bulk action "reject all flagged by …", recorded as one action so that one undo takes it all back.
 */
public final class RunCuration {

    /**
     * A run's review items as read once, flagged: what the review queue and the Compare cells show.
     *
     * @param items  the items with their curation flags added
     * @param set    the run's samples as the metrics and the embedding orders see them
     * @param report every flag raised
     * @param judgements the verdicts of the run's newest judge run (none when it was never judged)
     * @param doubts the student's verdict on each sample's label, as computed before for the run's current labels;
     *               empty when never computed for them
     */
    public record Flagged(
            List<ReviewItem> items,
            RunSampleSet set,
            CurationReport report,
            Judgements judgements,
            List<LabelDoubt> doubts) {}

    /** What a {@link Pass} found: the flags, the newest judge run's verdicts, the student's doubts (as in Flagged). */
    public record Raised(CurationReport report, Judgements judgements, List<LabelDoubt> doubts) {}

    private final RunSources sources;
    private final DecisionStore decisions;
    private final CurationSettings settings;
    private final Supplier<SampleEmbedder> embedder;

    public RunCuration(RunSources sources, DecisionStore decisions, CurationSettings settings) {
        this(sources, decisions, settings, null);
    }

    /**
     * @param embedder gives the samples embeddings (through the project's text-embedding cache) when the settings
     *                 find near duplicates by embedding, and is asked for only then, as loading a model takes a
     *                 while; null where no embedding model is at hand
     */
    public RunCuration(
            RunSources sources, DecisionStore decisions, CurationSettings settings, Supplier<SampleEmbedder> embedder) {
        this.sources = sources;
        this.decisions = decisions;
        this.settings = settings;
        this.embedder = embedder;
    }

    /** Every flag the filters raise on the run's answered samples. */
    public CurationReport report(long runId) {
        return report(sources.runs().find(runId).orElseThrow(), RunSamples.load(sources, runId));
    }

    /** Every flag the filters raise on {@code set}, the samples of {@code run} already read. */
    public CurationReport report(RunInfo run, RunSampleSet set) {
        return report(run, set, sources.samples().judgements(run.id()));
    }

    /**
     * Every flag the filters raise on {@code set}, the samples of {@code run} already read, with the verdicts of
     * its newest judge run already read.
     */
    public CurationReport report(RunInfo run, RunSampleSet set, Judgements judgements) {
        return report(run, set, judgements, cachedDoubts(set));
    }

    private CurationReport report(RunInfo run, RunSampleSet set, Judgements judgements, List<LabelDoubt> doubts) {
        return CurationReport.of(judgements.apply(samples(set.samples())), filters(run, judgements, doubts));
    }

    /** The filters the settings choose for {@code run}. */
    private List<CurationFilter> filters(RunInfo run, Judgements judgements, List<LabelDoubt> doubts) {
        long runId = run.id();
        List<CurationFilter> filters = new ArrayList<>();
        if (settings.minWords() != null || settings.maxWords() != null) {
            filters.add(new LengthFilter(LengthUnit.WORDS, settings.minWords(), settings.maxWords()));
        }
        filters.add(PatternFilter.of(settings.mustMatch(), settings.mustNotMatch(), settings.keywords()));
        StepLink link = RunDetails.fromJson(run.config().details()).step();
        DialogueTurn turn = link == null ? null : link.turn();
        if (turn != null && (settings.minTurns() != null || settings.maxTurns() != null)) {
            filters.add(new TurnCountFilter(
                    turn.number(),
                    ContinuedTurns.of(sources.runs(), sources.samples(), runId),
                    settings.minTurns(),
                    settings.maxTurns()));
        }
        if (run.config().mode() == PromptMode.ANNOTATE) {
            List<String> labels = sources.review().labels(runId);
            if (!labels.isEmpty()) {
                filters.add(InvalidOutputFilter.labelSet(labels));
            }
        }
        filters.add(new DuplicateFilter(new ExactDuplicates()));
        filters.add(new DuplicateFilter(nearDuplicates(run)));
        filters.add(new SelfConsistencyFilter(settings.minAgreement()));
        if (judgements.judgeRunId() != null) {
            filters.add(new JudgeScoreFilter(
                    settings.minJudgeScore() != null
                            ? settings.minJudgeScore()
                            : judgements
                                    .scaleIn(sources.prompts(), sources.runs())
                                    .orElseThrow()
                                    .passMark()));
        }
        if (!doubts.isEmpty()) {
            filters.add(new LabelDoubtFilter(doubts));
        }
        return filters;
    }

    /** {@code items}, the review items of {@code run} already read, with the flags the filters raise on them. */
    public Flagged flag(RunInfo run, List<ReviewItem> items) {
        RunSampleSet set = RunSamples.of(sources, run, items);
        Judgements judgements = sources.samples().judgements(run.id());
        List<LabelDoubt> doubts = cachedDoubts(set);
        CurationReport report = report(run, set, judgements, doubts);
        return new Flagged(withFlags(items, report), set, report, judgements, doubts);
    }

    /**
     * A pass that flags the review items of {@code run} as they are read, a page at a time, each filter keeping only
     * what it needs of a sample (a run of a million samples is flagged in a 256 MB heap). The student's doubts are
     * read first: where they were ever computed for the run, that needs every sample at once ({@link #cachedDoubts}).
     */
    public Pass pass(RunInfo run) {
        Judgements judgements = sources.samples().judgements(run.id());
        if (settings.nearDuplicateMethod() == NearDuplicateMethod.EMBEDDING) {
            refuseEmbeddingAbove(run.samples(), NEAR_BY_EMBEDDING, USE_MINHASH);
        }
        List<LabelDoubt> doubts = sources.snapshots() == null
                        || !new ProjectStudent(sources, sources.snapshots(), embedder, StudentSettings.DEFAULT)
                                .hasDoubts(run.id())
                ? List.of()
                : cachedDoubts(RunSamples.load(sources, run.id()));
        return new Pass(run, judgements, doubts);
    }

    /** The most samples whose near duplicates are found by embedding: every pair is compared, every embedding held. */
    public static final int EMBEDDED_AT_MOST = 50_000;

    private static final String NEAR_BY_EMBEDDING = "Finding near duplicates by embedding";
    private static final String USE_MINHASH =
            "choose " + NearDuplicateMethod.MINHASH.title() + " in the curation thresholds";

    /**
     * Refuses {@code what}, which compares every sample's embedding with the others, for a run of more than
     * {@value #EMBEDDED_AT_MOST} samples, saying what to do {@code instead}: asked before a sample is embedded.
     */
    public static void refuseEmbeddingAbove(long samples, String what, String instead) {
        if (samples > EMBEDDED_AT_MOST) {
            throw new IllegalArgumentException(what + " compares every sample's embedding with the others, which a run"
                    + " of " + String.format(Locale.ROOT, "%,d", samples) + " samples is too large for (at most "
                    + String.format(Locale.ROOT, "%,d", EMBEDDED_AT_MOST) + "); " + instead + ".");
        }
    }

    /** {@link #pass}: the items of a run flagged as they come. */
    public final class Pass {
        private final RunSamples.Pages reading;
        private final Judgements judgements;
        private final List<LabelDoubt> doubts;
        private final CurationReport.Pass report;
        private int measured;

        private Pass(RunInfo run, Judgements judgements, List<LabelDoubt> doubts) {
            this.reading = RunSamples.pages(sources, run);
            this.judgements = judgements;
            this.doubts = doubts;
            this.report = new CurationReport.Pass(
                    filters(run, judgements, doubts), (int) Math.min(run.samples(), Integer.MAX_VALUE));
        }

        /** Flags one page of items, handing on each answered one with its sample as the metrics measure it. */
        public void add(List<ReviewItem> page, BiConsumer<ReviewItem, SampleText> each) {
            List<SampleText> texts = new ArrayList<>(page.size());
            reading.read(page, (sample, item) -> {
                texts.add(sample);
                each.accept(item, sample);
            });
            measured += texts.size();
            if (settings.nearDuplicateMethod() == NearDuplicateMethod.EMBEDDING) {
                // A run still going has more than its count said when the pass began.
                refuseEmbeddingAbove(measured, NEAR_BY_EMBEDDING, USE_MINHASH);
            }
            report.add(judgements.apply(samples(texts)));
        }

        /** Every flag raised, the judge's verdicts and the student's doubts, once the last page is in. */
        public Raised end() {
            return new Raised(report.report(), judgements, doubts);
        }
    }

    /**
     * The student's verdicts on the samples' labels where they were computed for exactly these labels (reading
     * them is one query; computing them is {@link ProjectStudent#doubts}); empty otherwise, or without snapshots.
     */
    private List<LabelDoubt> cachedDoubts(RunSampleSet set) {
        if (sources.snapshots() == null) {
            return List.of();
        }
        return new ProjectStudent(sources, sources.snapshots(), embedder, StudentSettings.DEFAULT)
                .cachedDoubts(set)
                .orElse(List.of());
    }

    private DuplicateDetector nearDuplicates(RunInfo run) {
        return switch (settings.nearDuplicateMethod()) {
            case MINHASH ->
                new MinHashDetector(
                        MinHashDetector.DEFAULT_SHINGLE_SIZE,
                        MinHashDetector.DEFAULT_HASHES,
                        settings.nearDuplicate(),
                        run.config().seed());
            case EMBEDDING -> new EmbeddingDuplicateDetector(settings.nearDuplicate());
        };
    }

    /** The samples to flag: with their embeddings when near duplicates are found by embedding. */
    private List<SampleText> samples(List<SampleText> samples) {
        if (settings.nearDuplicateMethod() != NearDuplicateMethod.EMBEDDING) {
            return samples;
        }
        if (embedder == null) {
            throw new IllegalStateException("Near duplicates by embedding need the embedding model, which is not "
                    + "available here; choose " + NearDuplicateMethod.MINHASH.title() + " instead.");
        }
        return embedder.get().cachedIn(sources.textEmbeddings()).embed(samples, InsightsProgress.NONE);
    }

    /**
     * The items with their curation flags added, each as "kind: reason"; the flags are grouped by sample once, so
     * that a large run's items are not each looked for among all its flags, and an item without any stays itself.
     */
    public static List<ReviewItem> withFlags(List<ReviewItem> items, CurationReport report) {
        Map<Long, List<String>> raised = bySample(report);
        return items.stream()
                .map(item -> {
                    List<String> added = raised.get(item.sampleId());
                    if (added == null) {
                        return item;
                    }
                    List<String> flags = new ArrayList<>(item.flags());
                    flags.addAll(added);
                    return new ReviewItem(item.sample(), item.decision(), flags);
                })
                .toList();
    }

    /** The flags of the report by sample, each as "kind: reason", for the samples flagged. */
    public static Map<Long, List<String>> bySample(CurationReport report) {
        Map<Long, List<String>> raised = new HashMap<>();
        for (Flag flag : report.flags()) {
            raised.computeIfAbsent(flag.sampleId(), id -> new ArrayList<>()).add(describe(flag));
        }
        return raised;
    }

    /** How a flag reads in the card and the table. */
    public static String describe(Flag flag) {
        return flag.kind().title() + ": " + flag.reason();
    }

    /**
     * Rejects every sample {@code kind} flagged, each with its flag's reason as the note, as one action; empty
     * when nothing is flagged by that kind.
     */
    public Optional<DecisionAction> rejectAllFlaggedBy(long runId, FlagKind kind) {
        Set<Long> seen = new HashSet<>();
        List<Decision> decisions = report(runId).flags().stream()
                .filter(flag -> flag.kind() == kind && seen.add(flag.sampleId()))
                .map(flag -> Decision.of(flag.sampleId(), DecisionStatus.REJECTED, describe(flag)))
                .toList();
        return decisions.isEmpty() ? Optional.empty() : Optional.of(this.decisions.decide(decisions));
    }
}
