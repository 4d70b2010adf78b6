package io.siftbench.model.runs;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.project.ProjectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The samples a judge run scores, read from its stored configuration alone: the judged run's answered samples
 * up to the newest one when the judge run was made ({@link RunDetails#judgeUpTo()}), in the judged run's order,
 * each with its input record and the text that counts. Answered samples are never replaced, so every resume
 * reads the same list.
 */
public final class JudgedSamples {

    private static final int PAGE = 200;

    private final RunStore runs;
    private final SampleStore samples;
    private final DatasetStore datasets;

    public JudgedSamples(RunStore runs, SampleStore samples, DatasetStore datasets) {
        this.runs = runs;
        this.samples = samples;
        this.datasets = datasets;
    }

    /** @throws ProjectException when the judged run, or its dataset, is gone */
    public List<RunPlanner.Judged> of(RunInfo judgeRun) {
        RunDetails details = RunDetails.fromJson(judgeRun.config().details());
        RunInfo judged = runs.find(details.judgeOf())
                .orElseThrow(() -> new ProjectException(
                        "Run " + judgeRun.id() + " judges run " + details.judgeOf() + ", which is gone."));
        List<Sample> judgedSamples = samples.list(judged.id(), 0, Integer.MAX_VALUE).stream()
                .filter(s -> !s.failed() && s.id() <= details.judgeUpTo())
                .toList();
        return withRecords(
                judged,
                judgedSamples,
                "Run " + judgeRun.id() + " judges run " + judged.id() + ", whose dataset is gone.");
    }

    /**
     * The first {@code n} answered samples of run {@code judgedRunId} (fewer when it has fewer), in its order, as
     * a judge run of it would see them: what the studio renders and previews a judge draft with.
     *
     * @throws ProjectException when the run, or its dataset, is gone
     */
    public List<RunPlanner.Judged> first(long judgedRunId, int n) {
        RunInfo judged = runs.find(judgedRunId)
                .orElseThrow(() -> new ProjectException("There is no run " + judgedRunId + " to judge: it is gone."));
        List<Sample> answered = new ArrayList<>(n);
        // Failed requests are skipped, so a page may hold fewer answered samples than it has rows.
        int page = Math.max(n, PAGE);
        for (int offset = 0; answered.size() < n; offset += page) {
            List<Sample> rows = samples.list(judgedRunId, offset, page);
            rows.stream().filter(s -> !s.failed()).limit(n - answered.size()).forEach(answered::add);
            if (rows.size() < page) {
                break;
            }
        }
        return withRecords(
                judged, answered, "Run " + judged.id() + "'s dataset is gone, so its samples cannot be judged.");
    }

    /**
     * Each of {@code samples} (of run {@code judged}) with its input record and the text that counts: also how a
     * pipeline step reads the samples of the earlier steps it continues.
     *
     * @param datasetGone the message when the run's dataset is gone
     */
    public List<RunPlanner.Judged> withRecords(RunInfo judged, List<Sample> samples, String datasetGone) {
        Map<Long, DatasetRecord> records = new HashMap<>();
        String textColumn = null;
        Long datasetId = judged.config().datasetId();
        if (datasetId != null) {
            DatasetInfo dataset = datasets.list().stream()
                    .filter(d -> d.id() == datasetId)
                    .findFirst()
                    .orElseThrow(() -> new ProjectException(datasetGone));
            textColumn = dataset.textColumn();
            datasets.records(
                            datasetId,
                            samples.stream()
                                    .map(s -> s.slot().recordId())
                                    .filter(Objects::nonNull)
                                    .toList())
                    .forEach(r -> records.put(r.id(), r));
        }
        List<RunPlanner.Judged> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            DatasetRecord record =
                    s.slot().recordId() == null ? null : records.get(s.slot().recordId());
            // An annotated sample's text is its record's: that is what the model labelled.
            String text = s.text() != null || record == null || textColumn == null ? s.text() : record.text(textColumn);
            out.add(new RunPlanner.Judged(s, record == null ? Map.of() : record.values(), text));
        }
        return out;
    }
}
