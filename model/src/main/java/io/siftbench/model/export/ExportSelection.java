package io.siftbench.model.export;

import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an export writes, decided in one read of the runs, page by page: which samples go to which file in which
 * place ({@link ExportChoices}, a few bytes per sample written, not the records), the preference pairs (DPO only,
 * held: one per preference or edit), and what was left out and why. The records themselves are read again when
 * they are written.
 *
 * @param runs        the runs exported, in the order asked
 * @param decisions   per run, in that order: how many of its samples have each decision, and how many failed
 * @param samples     how many samples the runs have, written or not
 * @param choices     where each record written goes (empty for DPO, which writes {@code pairs})
 * @param pairs       the preference pairs (DPO only), each with its split
 * @param leftOutByStatus samples left out because the status chosen does not take their decision
 * @param leftOutByFilter samples left out by the filter
 * @param leftOutAsFailed failed requests left out, which only an inspection export writes
 *                        ({@link ExportRequest#writesFailures})
 * @param leftOutAsDemonstrations records left out because they were demonstrations in their run
 * @param leftOutAsEvaluation records left out because their text is in the evaluation dataset
 */
public record ExportSelection(
        List<RunInfo> runs,
        Map<Long, RunDecisions> decisions,
        int samples,
        ExportChoices choices,
        List<PreferencePair> pairs,
        int leftOutByStatus,
        int leftOutByFilter,
        int leftOutAsFailed,
        int leftOutAsDemonstrations,
        int leftOutAsEvaluation) {

    private static final Comparator<ExportRecord> RUN_ORDER = Comparator.comparingLong(
                    (ExportRecord r) -> r.run().id())
            .thenComparingInt(r -> r.sample().slot().ordinal());

    /**
     * How many samples of a run have each decision ({@link ReviewItem#state}), and how many are failed requests.
     */
    public record RunDecisions(Map<String, Long> states, long failed) {}

    /** Reads the runs of {@code request} {@code pageSize} samples at a time and decides what is written. */
    public static ExportSelection select(
            ExportSources sources, ExportRequest request, int pageSize, ExportProgress progress) {
        Set<String> evaluation = evaluationHashes(sources, request.evaluationDataset());
        List<RunInfo> runs = new ArrayList<>();
        for (long runId : request.runs()) {
            runs.add(sources.runs()
                    .find(runId)
                    .orElseThrow(
                            () -> new IllegalArgumentException("there is no run " + runId + " in " + sources.file())));
        }
        boolean dpo = request.format() == ExportFormat.DPO;
        Map<Long, List<PreferenceStore.Preference>> preferences = new HashMap<>();
        Map<Long, List<DecisionStore.Edit>> edits = new HashMap<>();
        Set<Long> paired = new HashSet<>();
        if (dpo) {
            for (RunInfo run : runs) {
                List<PreferenceStore.Preference> ofRun = sources.preferences().ofRun(run.id());
                List<DecisionStore.Edit> editsOfRun = sources.decisions().edits(run.id());
                preferences.put(run.id(), ofRun);
                edits.put(run.id(), editsOfRun);
                ofRun.forEach(p -> {
                    paired.add(p.chosenSampleId());
                    paired.add(p.rejectedSampleId());
                });
                editsOfRun.forEach(e -> paired.add(e.sampleId()));
            }
        }
        long total =
                runs.stream().mapToLong(r -> sources.samples().count(r.id())).sum();
        Chooser chooser = new Chooser(request, paired, progress, total);
        for (RunInfo run : runs) {
            LeakageGuard guard = request.keepDemonstrations()
                    ? new LeakageGuard(Set.of(), Set.of(), evaluation)
                    : demonstrationGuard(sources, run, pageSize, evaluation);
            RunRecords records = RunRecords.of(sources, run, pageSize);
            chooser.startRun(run);
            records.forEach(record -> chooser.take(record, records.continued(record.id()), guard));
            chooser.finishRun();
        }
        List<PreferencePair> pairs = dpo
                ? pairs(sources, request, runs, preferences, edits, chooser.paired, chooser.guarded, pageSize)
                : List.of();
        ExportChoices choices =
                dpo ? ExportChoices.NONE : ExportChoices.of(chooser.kept, chooser.negatives, request.split());
        if (request.split() != null) {
            pairs = new StratifiedSplitter(request.split())
                    .split(
                            pairs,
                            p -> stratum(p.record()),
                            Comparator.comparing(PreferencePair::record, RUN_ORDER)
                                    .thenComparingLong(PreferencePair::rejectedSampleId),
                            PreferencePair::in);
        }
        return new ExportSelection(
                runs,
                chooser.decisions,
                chooser.samples,
                choices,
                pairs,
                chooser.byStatus,
                chooser.byFilter,
                chooser.failed,
                chooser.demonstrations,
                chooser.contaminated);
    }

    /** Stratified by label for annotate runs, by condition combination for synthesize runs. */
    static String stratum(ExportRecord r) {
        return r.mode() == PromptMode.ANNOTATE ? String.valueOf(r.label()) : r.conditionKey();
    }

    /**
     * Decides each record as it is read: left out (counted under the first reason, so that the report accounts
     * for every sample), a negative, or kept; and holds, for DPO, the records a preference or edit names.
     */
    private static final class Chooser {
        private final ExportRequest request;
        private final Set<Long> wantedForPairs;
        private final ExportProgress progress;
        private final long total;
        final Map<Long, RunDecisions> decisions = new LinkedHashMap<>();
        final List<ExportChoices.Choice> kept = new ArrayList<>();
        final List<ExportChoices.Choice> negatives = new ArrayList<>();
        final Map<Long, ExportRecord> paired = new HashMap<>();
        final Set<Long> guarded = new HashSet<>();
        /** The condition names of the records, shared: most runs have one set for all their samples. */
        private final Map<Set<String>, Set<String>> conditionNames = new HashMap<>();

        private Map<String, Long> states;
        private long runFailed;
        private long runId;
        int samples;
        int byStatus;
        int byFilter;
        int failed;
        int demonstrations;
        int contaminated;

        Chooser(ExportRequest request, Set<Long> wantedForPairs, ExportProgress progress, long total) {
            this.request = request;
            this.wantedForPairs = wantedForPairs;
            this.progress = progress;
            this.total = total;
        }

        void startRun(RunInfo run) {
            runId = run.id();
            states = new TreeMap<>();
            runFailed = 0;
        }

        void finishRun() {
            decisions.put(runId, new RunDecisions(Map.copyOf(states), runFailed));
        }

        void take(ExportRecord record, boolean continued, LeakageGuard guard) {
            ReviewItem item = record.item();
            samples++;
            states.merge(item.state(), 1L, Long::sum);
            if (item.sample().failed()) {
                runFailed++;
            }
            if (samples % 256 == 0 || samples == total) {
                progress.update(samples, total, "choosing the samples");
            }
            if (wantedForPairs.contains(record.id())) {
                paired.put(record.id(), record);
            }
            boolean rejected = item.decision() != null && item.decision().status() == DecisionStatus.REJECTED;
            boolean wanted = request.status().takes(item.decision()) || rejected && request.rejectedAsNegatives();
            if (!wanted) {
                byStatus++;
            } else if (!request.filter().passes(record) || continued && request.format() == ExportFormat.CHAT) {
                // A dialogue's turn that a later turn continues is a line of a conversation, not one.
                byFilter++;
            } else if (item.sample().failed() && !request.writesFailures()) {
                failed++;
            } else if (guard.wasDemonstration(record)) {
                demonstrations++;
                guard(record);
            } else if (guard.inEvaluationSet(record)) {
                contaminated++;
                guard(record);
            } else if (request.format() == ExportFormat.DPO) {
                // DPO writes pairs, which are found from the preferences and edits, not from the records kept.
            } else if (rejected && request.status() != ExportStatus.ALL) {
                negatives.add(choice(record));
            } else {
                kept.add(choice(record));
            }
        }

        private void guard(ExportRecord record) {
            if (wantedForPairs.contains(record.id())) {
                guarded.add(record.id());
            }
        }

        private ExportChoices.Choice choice(ExportRecord record) {
            Set<String> names = conditionNames.computeIfAbsent(
                    record.conditions().keySet(),
                    k -> Set.copyOf(record.conditions().keySet()));
            return new ExportChoices.Choice(
                    record.id(),
                    record.run().id(),
                    record.sample().slot().ordinal(),
                    stratum(record).intern(),
                    names,
                    Split.ALL);
        }
    }

    /**
     * Preference pairs from Compare (either sample in an exported run), from pipeline steps (the chosen sample in an
     * exported run; the earlier step's, its draft, read wherever it is) and from edits (edited = chosen, original =
     * rejected). The status choice does not apply: a preference is a decision of its own. A Compare pair's prompt is
     * its chosen sample's (both answer the same row); a pipeline pair's is the earlier step's, which both texts
     * answer (the refined one through its draft).
     */
    private static List<PreferencePair> pairs(
            ExportSources sources,
            ExportRequest request,
            List<RunInfo> runs,
            Map<Long, List<PreferenceStore.Preference>> preferences,
            Map<Long, List<DecisionStore.Edit>> edits,
            Map<Long, ExportRecord> all,
            Set<Long> guarded,
            int pageSize) {
        Set<Long> drafts = new HashSet<>();
        for (RunInfo run : runs) {
            for (PreferenceStore.Preference p : preferences.get(run.id())) {
                if (p.origin() == PreferenceStore.Origin.PIPELINE
                        && all.containsKey(p.chosenSampleId())
                        && !all.containsKey(p.rejectedSampleId())) {
                    drafts.add(p.rejectedSampleId());
                }
            }
        }
        Map<Long, ExportRecord> earlier = earlierRecords(sources, drafts, pageSize);
        List<PreferencePair> pairs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (RunInfo run : runs) {
            for (PreferenceStore.Preference p : preferences.get(run.id())) {
                boolean fromPipeline = p.origin() == PreferenceStore.Origin.PIPELINE;
                ExportRecord chosen = all.get(p.chosenSampleId());
                ExportRecord rejected = all.get(p.rejectedSampleId());
                if (rejected == null && fromPipeline && chosen != null) {
                    rejected = earlier.get(p.rejectedSampleId());
                }
                if (seen.add(p.id()) && chosen != null && rejected != null && usable(request, chosen, guarded)) {
                    pairs.add(new PreferencePair(
                            fromPipeline ? PreferencePair.FROM_PIPELINE : PreferencePair.FROM_COMPARE,
                            chosen,
                            rejected.id(),
                            fromPipeline ? rejected.promptText() : chosen.promptText(),
                            chosen.output(),
                            rejected.output()));
                }
            }
            for (DecisionStore.Edit edit : edits.get(run.id())) {
                ExportRecord record = all.get(edit.sampleId());
                if (record != null
                        && usable(request, record, guarded)
                        && !Objects.equals(record.output(), record.originalOutput())) {
                    pairs.add(new PreferencePair(
                            PreferencePair.FROM_EDIT,
                            record,
                            record.id(),
                            record.promptText(),
                            record.output(),
                            record.originalOutput()));
                }
            }
        }
        return pairs;
    }

    /**
     * The samples {@code ids} of runs not exported (the drafts a pipeline step's preferences name), with the
     * decision that counts for each: their runs are read page by page, keeping only these. A sample gone is absent.
     */
    private static Map<Long, ExportRecord> earlierRecords(ExportSources sources, Set<Long> ids, int pageSize) {
        Map<Long, RunInfo> runs = new LinkedHashMap<>();
        for (long id : ids) {
            sources.samples()
                    .find(id)
                    .flatMap(s -> sources.runs().find(s.runId()))
                    .ifPresent(run -> runs.putIfAbsent(run.id(), run));
        }
        Map<Long, ExportRecord> read = new HashMap<>();
        for (RunInfo run : runs.values()) {
            sources.review().forEachPage(run.id(), pageSize, page -> {
                for (ReviewItem item : page) {
                    if (ids.contains(item.sampleId())) {
                        read.put(item.sampleId(), ExportRecord.of(run, item, null));
                    }
                }
            });
        }
        return read;
    }

    private static boolean usable(ExportRequest request, ExportRecord chosen, Set<Long> guarded) {
        return !chosen.sample().failed()
                && !guarded.contains(chosen.id())
                && request.filter().passes(chosen);
    }

    /**
     * The run's demonstrations: their record ids where they come from the run's own input dataset, and
     * their texts, so that a generated sample that merely repeats a demonstration is caught too. The run's
     * samples are read for the ids (page by page) only when its prompt has demonstrations from a dataset.
     */
    private static LeakageGuard demonstrationGuard(
            ExportSources sources, RunInfo run, int pageSize, Set<String> evaluation) {
        Demonstrations source =
                sources.prompts().load(run.config().promptVersionId()).demonstrations();
        DatasetInfo dataset = source == null
                ? null
                : sources.datasets().find(source.dataset()).orElse(null);
        if (dataset == null) {
            return new LeakageGuard(Set.of(), Set.of(), evaluation);
        }
        Set<Long> ids = new HashSet<>();
        sources.samples()
                .forEachPage(
                        run.id(),
                        pageSize,
                        page -> page.forEach(s -> ids.addAll(s.slot().demonstrationIds())));
        if (ids.isEmpty()) {
            return new LeakageGuard(Set.of(), Set.of(), evaluation);
        }
        Set<String> hashes = new HashSet<>();
        for (DatasetRecord record : sources.datasets().records(dataset.id(), ids)) {
            String text = record.text(source.text());
            if (text != null) {
                hashes.add(TextHash.of(text));
            }
        }
        boolean sameDataset = Objects.equals(run.config().datasetId(), dataset.id());
        return new LeakageGuard(sameDataset ? ids : Set.of(), hashes, evaluation);
    }

    private static Set<String> evaluationHashes(ExportSources sources, String name) {
        if (name == null || name.isBlank()) {
            return Set.of();
        }
        DatasetInfo dataset = sources.datasets()
                .find(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "there is no dataset '" + name + "' to use as the evaluation set"));
        if (dataset.textColumn() == null) {
            throw new IllegalArgumentException(
                    "the evaluation dataset '" + name + "' has no text column;" + " choose one on the Datasets screen");
        }
        Set<String> hashes = new HashSet<>();
        sources.datasets().forEachRecord(dataset.id(), r -> {
            String text = r.text(dataset.textColumn());
            if (text != null) {
                hashes.add(TextHash.of(text));
            }
        });
        return hashes;
    }
}
