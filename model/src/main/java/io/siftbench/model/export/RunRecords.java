package io.siftbench.model.export;

import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.StepLink;
import io.siftbench.model.student.LabelDoubt;
import io.siftbench.model.student.ProjectStudent;
import io.siftbench.model.student.StudentSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The records of one run as an export reads them: page by page in the run's order, each with its annotated
 * record's text, the text of the earlier step's sample it continues, the conversation it ends and the label-doubt
 * flag, so that a run of any size is read in the memory of one page. The annotated records and the continued
 * samples are looked up for each page; what is held for the whole run is the label doubts (ids) and, for a
 * dialogue's turn run only, the earlier turns ({@link Conversations}).
 */
final class RunRecords {

    private final ExportSources sources;
    private final RunInfo run;
    private final int pageSize;
    private final Set<Long> doubted;
    private final Conversations conversations;
    private final DatasetInfo dataset;
    private final RunInfo parentRun;
    private final DatasetInfo parentDataset;

    private RunRecords(ExportSources sources, RunInfo run, int pageSize) {
        this.sources = sources;
        this.run = run;
        this.pageSize = pageSize;
        this.doubted = doubted(sources, run);
        this.conversations = Conversations.of(sources, run);
        this.dataset = textDataset(sources, run);
        StepLink link = RunDetails.fromJson(run.config().details()).step();
        this.parentRun = link == null || !link.continuesAStep()
                ? null
                : sources.runs().find(link.parentRun()).orElse(null);
        this.parentDataset = parentRun == null ? null : textDataset(sources, parentRun);
    }

    static RunRecords of(ExportSources sources, RunInfo run, int pageSize) {
        return new RunRecords(sources, run, pageSize);
    }

    /** Hands every record of the run to {@code each}, in the run's order. */
    void forEach(Consumer<ExportRecord> each) {
        sources.review().forEachPage(run.id(), pageSize, page -> {
            Map<Long, String> recordTexts = recordTexts(dataset, page.stream().map(ReviewItem::sample));
            Map<Long, String> parentTexts = parentTexts(page);
            for (ReviewItem read : page) {
                ReviewItem item = withLabelDoubt(read);
                Long recordId = item.sample().slot().recordId();
                Long parentId = item.sample().slot().parentSampleId();
                ExportRecord record = ExportRecord.of(
                        run,
                        item,
                        recordId == null ? null : recordTexts.get(recordId),
                        parentId == null ? null : parentTexts.get(parentId));
                each.accept(continued(record.id()) ? record : record.ending(conversations.of(item)));
            }
        });
    }

    /** Whether the sample is a line of a dialogue's conversation that a later turn goes on with. */
    boolean continued(long sampleId) {
        return conversations.continued(sampleId);
    }

    private ReviewItem withLabelDoubt(ReviewItem item) {
        if (!doubted.contains(item.sampleId())) {
            return item;
        }
        List<String> flags = new ArrayList<>(item.flags());
        flags.add(FlagKind.LABEL_DOUBT.id());
        return new ReviewItem(item.sample(), item.decision(), flags);
    }

    /**
     * The samples the student doubts the label of, as computed before for the run's current labels (Review's
     * "Find label doubts", the {@code doubts} command); computing none here. Only a run whose doubts were computed
     * is read whole for it, since which doubts still stand depends on every sample's label.
     */
    private static Set<Long> doubted(ExportSources sources, RunInfo run) {
        RunSources curation = sources.curation();
        ProjectStudent student = new ProjectStudent(curation, curation.snapshots(), null, StudentSettings.DEFAULT);
        if (!student.hasDoubts(run.id())) {
            return Set.of();
        }
        Set<Long> doubted = new HashSet<>();
        student.cachedDoubts(RunSamples.of(curation, run, sources.review().items(run.id())))
                .ifPresent(verdicts ->
                        verdicts.stream().filter(LabelDoubt::doubted).forEach(d -> doubted.add(d.id())));
        return doubted;
    }

    /**
     * The texts of the samples of the earlier step that this page's samples continue, by id, as the step read them
     * (an annotated sample's is its record's); empty when the run is no step continuing another, or that run is gone.
     */
    private Map<Long, String> parentTexts(List<ReviewItem> page) {
        if (parentRun == null) {
            return Map.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        page.forEach(item -> {
            Long parent = item.sample().slot().parentSampleId();
            if (parent != null) {
                ids.add(parent);
            }
        });
        List<Sample> parents = ids.stream()
                .map(id -> sources.samples().find(id).orElse(null))
                .filter(s -> s != null && s.runId() == parentRun.id())
                .toList();
        Map<Long, String> recordTexts = recordTexts(parentDataset, parents.stream());
        Map<Long, String> texts = new HashMap<>();
        for (Sample s : parents) {
            String text = s.text() != null || s.slot().recordId() == null
                    ? s.text()
                    : recordTexts.get(s.slot().recordId());
            if (text != null) {
                texts.put(s.id(), text);
            }
        }
        return texts;
    }

    /** The texts of the records the samples annotated, by record id; empty when there is no dataset with text. */
    private Map<Long, String> recordTexts(DatasetInfo from, Stream<Sample> samples) {
        if (from == null) {
            return Map.of();
        }
        Collection<Long> ids =
                samples.map(s -> s.slot().recordId()).filter(Objects::nonNull).toList();
        Map<Long, String> texts = new HashMap<>();
        for (DatasetRecord record : sources.datasets().records(from.id(), ids)) {
            texts.put(record.id(), record.text(from.textColumn()));
        }
        return texts;
    }

    /** The run's input dataset when it has a text column; null in synthesize mode or when the dataset is gone. */
    private static DatasetInfo textDataset(ExportSources sources, RunInfo run) {
        Long datasetId = run.config().datasetId();
        DatasetInfo dataset = datasetId == null
                ? null
                : sources.datasets().list().stream()
                        .filter(d -> d.id() == datasetId)
                        .findFirst()
                        .orElse(null);
        return dataset == null || dataset.textColumn() == null ? null : dataset;
    }
}
