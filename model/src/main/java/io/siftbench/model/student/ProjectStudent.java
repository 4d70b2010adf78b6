package io.siftbench.model.student;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.MetricSnapshots;
import io.siftbench.model.insights.RunSampleSet;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.RunSources;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleStatus;
import io.siftbench.model.insights.SampleText;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The student on a project's data: the labelled samples of runs and the gold records of datasets, embedded through
 * the project's text-embedding cache, and the label doubts and utility reports computed from them. Results are kept
 * in the project's metric snapshots, keyed by a fingerprint of exactly what the student learnt from (ids, texts,
 * labels, settings), so asking again costs nothing until a label or a text changes.
 */
public final class ProjectStudent {

    /** The snapshot scope of a run's label doubts. */
    static final String DOUBTS_SCOPE = "student:label-doubts";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true);

    private final RunSources sources;
    private final MetricSnapshots snapshots;
    private final Supplier<SampleEmbedder> embedder;
    private final StudentSettings settings;

    /**
     * @param embedder gives texts their MiniLM embeddings; asked for only when a text is not in the cache yet, as
     *                 loading the model takes a while
     */
    public ProjectStudent(
            RunSources sources,
            MetricSnapshots snapshots,
            Supplier<SampleEmbedder> embedder,
            StudentSettings settings) {
        this.sources = sources;
        this.snapshots = snapshots;
        this.embedder = embedder;
        this.settings = settings;
    }

    public StudentSettings settings() {
        return settings;
    }

    /** The labelled samples of a run that {@code which} names, with their final labels, in generation order. */
    public List<LabelledText> runSamples(long runId, TrainingSamples which, SampleFields fields) {
        return labelled(RunSamples.load(sources, runId), which, fields);
    }

    /** The labelled samples of a run's samples already read. */
    public static List<LabelledText> labelled(RunSampleSet set, TrainingSamples which, SampleFields fields) {
        List<LabelledText> labelled = new ArrayList<>();
        for (SampleText sample : set.withResearcherLabels()) {
            boolean wanted =
                    which == TrainingSamples.KEPT ? sample.status().kept() : sample.status() != SampleStatus.REJECTED;
            String text = fields.textOf(sample);
            String label = fields.labelOf(sample);
            if (wanted && text != null && !text.isBlank() && label != null && !label.isBlank()) {
                labelled.add(new LabelledText(sample.id(), text, label));
            }
        }
        return labelled;
    }

    /**
     * The records of a dataset with a text and a label, in import order.
     *
     * @param textColumn  null for the dataset's text column
     * @param labelColumn null for the dataset's label column
     * @throws IllegalArgumentException naming what is missing: the dataset, a column, or a role never set
     */
    public List<LabelledText> datasetRecords(String dataset, String textColumn, String labelColumn) {
        DatasetInfo info = sources.datasets()
                .find(dataset)
                .orElseThrow(() -> new IllegalArgumentException("There is no dataset \"" + dataset
                        + "\" in this project; "
                        + (datasetNames().isEmpty()
                                ? "it has no datasets yet: import one first."
                                : "the datasets are: " + String.join(", ", datasetNames()) + ".")));
        String text = column(info, textColumn, info.textColumn(), "text");
        String label = column(info, labelColumn, info.labelColumn(), "label");
        List<LabelledText> records = new ArrayList<>();
        sources.datasets().forEachRecord(info.id(), record -> {
            String t = record.text(text);
            String l = record.text(label);
            if (t != null && !t.isBlank() && l != null && !l.isBlank()) {
                records.add(new LabelledText(record.id(), t, l));
            }
        });
        return records;
    }

    private static String column(DatasetInfo info, String chosen, String role, String what) {
        String name = chosen != null ? chosen : role;
        if (name == null) {
            throw new IllegalArgumentException("Dataset \"" + info.name() + "\" has no " + what
                    + " column set; choose one of: "
                    + String.join(
                            ", ", info.columns().stream().map(c -> c.name()).toList()) + ".");
        }
        if (info.column(name).isEmpty()) {
            throw new IllegalArgumentException("Dataset \"" + info.name() + "\" has no column \"" + name
                    + "\"; its columns are: "
                    + String.join(
                            ", ", info.columns().stream().map(c -> c.name()).toList()) + ".");
        }
        return name;
    }

    private List<String> datasetNames() {
        return sources.datasets().list().stream().map(DatasetInfo::name).toList();
    }

    /** The texts with their embeddings, from the cache where it has them. Progress counts the texts embedded. */
    public EmbeddedTexts embed(List<LabelledText> items, InsightsProgress progress) {
        List<SampleText> texts = items.stream()
                .map(item -> SampleText.of(item.id(), item.text()))
                .toList();
        List<SampleText> embedded =
                embedder.get().cachedIn(sources.textEmbeddings()).embed(texts, progress);
        return new EmbeddedTexts(
                items, embedded.stream().map(SampleText::embedding).toList());
    }

    /** The label doubts of a run's samples not rejected, from the snapshot when nothing they depend on changed. */
    public List<LabelDoubt> doubts(long runId, SampleFields fields, InsightsProgress progress) {
        List<LabelledText> items = runSamples(runId, TrainingSamples.NOT_REJECTED, fields);
        long version = fingerprint(items, fields);
        Optional<List<LabelDoubt>> cached = cachedDoubts(runId, version);
        if (cached.isPresent()) {
            return cached.get();
        }
        List<LabelDoubt> doubts = doubts(items, progress);
        snapshots.save(runId, DOUBTS_SCOPE, version, write(doubts));
        return doubts;
    }

    /**
     * The label doubts computed before that still stand for the run's samples as they are now (default fields),
     * without computing any: what Review's flags and the export filter show without making the researcher wait.
     */
    public Optional<List<LabelDoubt>> cachedDoubts(long runId) {
        return cachedDoubts(RunSamples.load(sources, runId));
    }

    /** Whether label doubts were ever computed for the run: without, there are none to find in any cache. */
    public boolean hasDoubts(long runId) {
        return snapshots.latest(runId, DOUBTS_SCOPE).isPresent();
    }

    /**
     * {@link #cachedDoubts(long)} of a run's samples already read (the curation filters have them at hand): all the
     * doubts when they were computed for exactly these labels; otherwise those of the last computation whose sample
     * is still there with the same text and label, so that fixing one doubted label (an edit) or rejecting a sample
     * does not hide the doubts about the others. Empty when doubts were never computed for the run.
     */
    public Optional<List<LabelDoubt>> cachedDoubts(RunSampleSet set) {
        List<LabelledText> items = labelled(set, TrainingSamples.NOT_REJECTED, SampleFields.DEFAULT);
        Optional<List<LabelDoubt>> exact = cachedDoubts(set.runId(), fingerprint(items, SampleFields.DEFAULT));
        if (exact.isPresent()) {
            return exact;
        }
        return snapshots.latest(set.runId(), DOUBTS_SCOPE).map(json -> stillStanding(readDoubts(json), items));
    }

    /** The doubts whose sample is still among {@code items} with the label it had when it was judged. */
    private static List<LabelDoubt> stillStanding(List<LabelDoubt> doubts, List<LabelledText> items) {
        Map<Long, String> labels = new java.util.HashMap<>();
        items.forEach(item -> labels.put(item.id(), item.label()));
        return doubts.stream()
                .filter(doubt -> doubt.label().equals(labels.get(doubt.id())))
                .toList();
    }

    private Optional<List<LabelDoubt>> cachedDoubts(long runId, long version) {
        return snapshots.find(runId, DOUBTS_SCOPE, version).map(ProjectStudent::readDoubts);
    }

    /** The label doubts of any labelled texts (a dataset's human labels too); not kept. */
    public List<LabelDoubt> doubts(List<LabelledText> items, InsightsProgress progress) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("there are no labelled texts to look for label doubts in");
        }
        EmbeddedTexts embedded = embed(items, progress);
        return new LabelDoubts(settings).judge(embedded, progress);
    }

    /**
     * The utility report of a student trained on {@code train}, tested on {@code test}.
     *
     * @param goldTrain gold training records for the ceiling (and the few-shot examples); empty for none
     */
    public UtilityReport utility(
            List<LabelledText> train,
            List<LabelledText> test,
            List<LabelledText> goldTrain,
            int fewShotPerLabel,
            InsightsProgress progress) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("there are no labelled samples to train the student on");
        }
        EmbeddedTexts trainSet = embed(train, progress);
        EmbeddedTexts testSet = embed(test, progress);
        EmbeddedTexts goldSet = goldTrain.isEmpty() ? null : embed(goldTrain, progress);
        return new UtilityStudy(settings).report(trainSet, testSet, goldSet, fewShotPerLabel, progress);
    }

    /** Two training sets tested on the same items: each one's evaluation and the paired test of b against a. */
    public Comparison compare(
            List<LabelledText> a, List<LabelledText> b, List<LabelledText> test, InsightsProgress progress) {
        EmbeddedTexts testSet = embed(test, progress);
        UtilityStudy study = new UtilityStudy(settings);
        Predictions pa = study.predict(embed(a, progress), testSet);
        Predictions pb = study.predict(embed(b, progress), testSet);
        return new Comparison(study.evaluate(pa, a.size()), study.evaluate(pb, b.size()), study.compare(pa, pb));
    }

    /** Two students on the same test items, and whether the second is better. */
    public record Comparison(StudentEvaluation a, StudentEvaluation b, PairedComparison paired) {}

    /** Changes when a sample, its text or its label changes, or the student is trained differently. */
    static long fingerprint(List<LabelledText> items, Object... more) {
        long h = 1125899906842597L;
        for (LabelledText item : items) {
            h = 31 * h + item.id();
            h = 31 * h + item.text().hashCode();
            h = 31 * h + item.label().hashCode();
        }
        for (Object o : more) {
            h = 31 * h + String.valueOf(o).hashCode();
        }
        return h;
    }

    private long fingerprint(List<LabelledText> items, SampleFields fields) {
        return fingerprint(items, fields, settings, LabelDoubts.DEFAULT_FOLDS);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelDoubt> readDoubts(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<LabelDoubt>>() {});
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The doubts by sample id. */
    public static Map<Long, LabelDoubt> byId(List<LabelDoubt> doubts) {
        Map<Long, LabelDoubt> byId = new java.util.LinkedHashMap<>();
        doubts.forEach(d -> byId.put(d.id(), d));
        return byId;
    }
}
