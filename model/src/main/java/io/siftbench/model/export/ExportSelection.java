package io.siftbench.model.export;

import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.StepLink;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.StudentSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The records an export writes, read from the project: the runs' samples with the decisions that count,
 * narrowed by status and filter, with the leakage guard applied, and split.
 *
 * @param runs        the runs exported, in the order asked
 * @param items       every sample of those runs with its decision, by run id (for the card's decision counts)
 * @param records     the records written, in run and sample order, each with its split
 * @param negatives   the rejected samples, when asked for as negatives
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
        Map<Long, List<ReviewItem>> items,
        List<ExportRecord> records,
        List<ExportRecord> negatives,
        List<PreferencePair> pairs,
        int leftOutByStatus,
        int leftOutByFilter,
        int leftOutAsFailed,
        int leftOutAsDemonstrations,
        int leftOutAsEvaluation) {

    private static final Comparator<ExportRecord> RUN_ORDER = Comparator.comparingLong(
                    (ExportRecord r) -> r.run().id())
            .thenComparingInt(r -> r.sample().slot().ordinal());

    public static ExportSelection select(ExportSources sources, ExportRequest request) {
        Set<String> evaluation = evaluationHashes(sources, request.evaluationDataset());
        List<RunInfo> runs = new ArrayList<>();
        Map<Long, List<ReviewItem>> items = new LinkedHashMap<>();
        Map<Long, ExportRecord> all = new HashMap<>();
        List<ExportRecord> kept = new ArrayList<>();
        List<ExportRecord> negatives = new ArrayList<>();
        Set<Long> guarded = new HashSet<>();
        int byStatus = 0;
        int byFilter = 0;
        int failed = 0;
        int demonstrations = 0;
        int contaminated = 0;
        for (long runId : request.runs()) {
            RunInfo run = sources.runs()
                    .find(runId)
                    .orElseThrow(
                            () -> new IllegalArgumentException("there is no run " + runId + " in " + sources.file()));
            runs.add(run);
            List<ReviewItem> runItems =
                    withLabelDoubts(sources, run, sources.review().items(runId));
            items.put(runId, runItems);
            LeakageGuard guard = request.keepDemonstrations()
                    ? new LeakageGuard(Set.of(), Set.of(), evaluation)
                    : demonstrationGuard(sources, run, runItems, evaluation);
            Map<Long, String> recordTexts = recordTexts(sources, run, runItems);
            Map<Long, String> parentTexts = parentTexts(sources, run);
            Conversations conversations = Conversations.of(sources, run);
            for (ReviewItem item : runItems) {
                Long recordId = item.sample().slot().recordId();
                Long parentId = item.sample().slot().parentSampleId();
                ExportRecord record = ExportRecord.of(
                        run,
                        item,
                        recordId == null ? null : recordTexts.get(recordId),
                        parentId == null ? null : parentTexts.get(parentId));
                boolean continued = conversations.continued(record.id());
                if (!continued) {
                    record = record.ending(conversations.of(item));
                }
                all.put(record.id(), record);
                boolean rejected = item.decision() != null && item.decision().status() == DecisionStatus.REJECTED;
                boolean wanted = request.status().takes(item.decision()) || rejected && request.rejectedAsNegatives();
                // Each sample is counted once, under the first reason it is left out for, so that the report
                // accounts for every sample of the runs.
                if (!wanted) {
                    byStatus++;
                } else if (!request.filter().passes(record) || continued && request.format() == ExportFormat.CHAT) {
                    // A dialogue's turn that a later turn continues is a line of a conversation, not one.
                    byFilter++;
                } else if (item.sample().failed() && !request.writesFailures()) {
                    failed++;
                } else if (guard.wasDemonstration(record)) {
                    demonstrations++;
                    guarded.add(record.id());
                } else if (guard.inEvaluationSet(record)) {
                    contaminated++;
                    guarded.add(record.id());
                } else if (rejected && request.status() != ExportStatus.ALL) {
                    negatives.add(record.in(Split.REJECTED));
                } else {
                    kept.add(record);
                }
            }
        }
        List<PreferencePair> pairs =
                request.format() == ExportFormat.DPO ? pairs(sources, request, runs, all, guarded) : List.of();
        if (request.split() != null) {
            StratifiedSplitter splitter = new StratifiedSplitter(request.split());
            kept = splitter.split(kept, ExportSelection::stratum, RUN_ORDER, ExportRecord::in);
            pairs = splitter.split(
                    pairs,
                    p -> stratum(p.record()),
                    Comparator.comparing(PreferencePair::record, RUN_ORDER)
                            .thenComparingLong(PreferencePair::rejectedSampleId),
                    PreferencePair::in);
        }
        return new ExportSelection(
                runs, items, kept, negatives, pairs, byStatus, byFilter, failed, demonstrations, contaminated);
    }

    /**
     * The items with the flag "label-doubt" where the student doubts their label, as computed before for the
     * run's current labels (Review's "Find label doubts", the {@code doubts} command); computing none here.
     */
    private static List<ReviewItem> withLabelDoubts(ExportSources sources, RunInfo run, List<ReviewItem> items) {
        RunSources curation = sources.curation();
        Set<Long> doubted = new HashSet<>();
        new ProjectStudent(curation, curation.snapshots(), null, StudentSettings.DEFAULT)
                .cachedDoubts(RunSamples.of(curation, run, items))
                .ifPresent(verdicts ->
                        verdicts.stream().filter(LabelDoubt::doubted).forEach(d -> doubted.add(d.id())));
        if (doubted.isEmpty()) {
            return items;
        }
        return items.stream()
                .map(item -> {
                    if (!doubted.contains(item.sampleId())) {
                        return item;
                    }
                    List<String> flags = new ArrayList<>(item.flags());
                    flags.add(FlagKind.LABEL_DOUBT.id());
                    return new ReviewItem(item.sample(), item.decision(), flags);
                })
                .toList();
    }

    /** How many samples the runs have, written or not. */
    public int samples() {
        return items.values().stream().mapToInt(List::size).sum();
    }

    /** Stratified by label for annotate runs, by condition combination for synthesize runs. */
    private static String stratum(ExportRecord r) {
        return r.mode() == PromptMode.ANNOTATE ? String.valueOf(r.label()) : r.conditionKey();
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
            Map<Long, ExportRecord> all,
            Set<Long> guarded) {
        List<PreferencePair> pairs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Map<Long, ExportRecord> earlier = new HashMap<>();
        for (RunInfo run : runs) {
            for (PreferenceStore.Preference p : sources.preferences().ofRun(run.id())) {
                boolean fromPipeline = p.origin() == PreferenceStore.Origin.PIPELINE;
                ExportRecord chosen = all.get(p.chosenSampleId());
                ExportRecord rejected = all.get(p.rejectedSampleId());
                if (rejected == null && fromPipeline && chosen != null) {
                    rejected = earlierRecord(sources, p.rejectedSampleId(), earlier);
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
            for (DecisionStore.Edit edit : sources.decisions().edits(run.id())) {
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
     * The sample {@code sampleId} of a run not exported, with the decision that counts for it; its run's samples
     * are read once into {@code read}, since a step's pairs all reach into the same earlier run. Null when gone.
     */
    private static ExportRecord earlierRecord(ExportSources sources, long sampleId, Map<Long, ExportRecord> read) {
        if (!read.containsKey(sampleId)) {
            sources.samples()
                    .find(sampleId)
                    .flatMap(s -> sources.runs().find(s.runId()))
                    .ifPresent(run -> {
                        for (ReviewItem item : sources.review().items(run.id())) {
                            read.put(item.sampleId(), ExportRecord.of(run, item, null));
                        }
                    });
        }
        return read.get(sampleId);
    }

    /**
     * The texts of the samples {@code run} continues, by id, as its step read them (an annotated sample's is its
     * record's); empty when the run is no step continuing another, or that run is gone.
     */
    private static Map<Long, String> parentTexts(ExportSources sources, RunInfo run) {
        StepLink link = RunDetails.fromJson(run.config().details()).step();
        RunInfo parentRun = link == null || !link.continuesAStep()
                ? null
                : sources.runs().find(link.parentRun()).orElse(null);
        if (parentRun == null) {
            return Map.of();
        }
        List<ReviewItem> parents = sources.review().items(parentRun.id());
        Map<Long, String> recordTexts = recordTexts(sources, parentRun, parents);
        Map<Long, String> texts = new HashMap<>();
        for (ReviewItem item : parents) {
            Sample s = item.sample();
            String text = s.text() != null || s.slot().recordId() == null
                    ? s.text()
                    : recordTexts.get(s.slot().recordId());
            if (text != null) {
                texts.put(s.id(), text);
            }
        }
        return texts;
    }

    private static boolean usable(ExportRequest request, ExportRecord chosen, Set<Long> guarded) {
        return !chosen.sample().failed()
                && !guarded.contains(chosen.id())
                && request.filter().passes(chosen);
    }

    /** The texts of the annotated records, by record id; empty in synthesize mode or when the dataset is gone. */
    private static Map<Long, String> recordTexts(ExportSources sources, RunInfo run, List<ReviewItem> items) {
        Long datasetId = run.config().datasetId();
        DatasetInfo dataset = datasetId == null ? null : datasetById(sources, datasetId);
        if (dataset == null || dataset.textColumn() == null) {
            return Map.of();
        }
        List<Long> ids = items.stream()
                .map(i -> i.sample().slot().recordId())
                .filter(Objects::nonNull)
                .toList();
        Map<Long, String> texts = new HashMap<>();
        for (DatasetRecord record : sources.datasets().records(datasetId, ids)) {
            texts.put(record.id(), record.text(dataset.textColumn()));
        }
        return texts;
    }

    /**
     * The run's demonstrations: their record ids where they come from the run's own input dataset, and
     * their texts, so that a generated sample that merely repeats a demonstration is caught too.
     */
    private static LeakageGuard demonstrationGuard(
            ExportSources sources, RunInfo run, List<ReviewItem> items, Set<String> evaluation) {
        Set<Long> ids = new HashSet<>();
        for (ReviewItem item : items) {
            ids.addAll(item.sample().slot().demonstrationIds());
        }
        Demonstrations source =
                sources.prompts().load(run.config().promptVersionId()).demonstrations();
        DatasetInfo dataset = source == null
                ? null
                : sources.datasets().find(source.dataset()).orElse(null);
        if (dataset == null || ids.isEmpty()) {
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

    private static DatasetInfo datasetById(ExportSources sources, long id) {
        return sources.datasets().list().stream()
                .filter(d -> d.id() == id)
                .findFirst()
                .orElse(null);
    }
}
