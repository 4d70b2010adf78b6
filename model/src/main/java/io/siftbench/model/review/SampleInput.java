package io.siftbench.model.review;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a sample was made from, as the review card shows it: the record's own text and its gold label (from the
 * columns marked at import), and the demonstrations the model saw, each with its text and label. Judging a label
 * needs the text it labels first, not the prompt it was buried in.
 *
 * @param text           the record's text, or null for a synthesized sample or a dataset without a text column
 * @param goldLabel      the record's label in the dataset, or null where it has none
 * @param demonstrations the demonstrations of the sample's slot, in the order the prompt showed them
 */
public record SampleInput(String text, String goldLabel, List<Demonstration> demonstrations) {

    /** One demonstration as the prompt showed it. */
    public record Demonstration(long recordId, String text, String label) {}

    /** Nothing known beyond the sample itself. */
    public static final SampleInput NONE = new SampleInput(null, null, List.of());

    public SampleInput {
        demonstrations = List.copyOf(demonstrations);
    }

    /** Whether {@code label} is the gold label; empty when either is missing. */
    public Optional<Boolean> agrees(String label) {
        return goldLabel == null || label == null ? Optional.empty() : Optional.of(goldLabel.equals(label));
    }

    /** Reads the input of {@code sample}, a sample of {@code run}, from the project's datasets and prompts. */
    public static SampleInput read(DatasetStore datasets, PromptStore prompts, RunInfo run, Sample sample) {
        List<DatasetInfo> all = datasets.list();
        String text = null;
        String gold = null;
        Long recordId = sample.slot().recordId();
        Long datasetId = run.config().datasetId();
        if (recordId != null && datasetId != null) {
            Optional<DatasetInfo> dataset =
                    all.stream().filter(d -> d.id() == datasetId).findFirst();
            Optional<DatasetRecord> record = dataset.flatMap(
                    d -> datasets.records(d.id(), List.of(recordId)).stream().findFirst());
            if (record.isPresent()) {
                text = value(record.get(), dataset.get().textColumn());
                gold = value(record.get(), dataset.get().labelColumn());
            }
        }
        return new SampleInput(text, gold, demonstrations(datasets, all, prompts, run, sample));
    }

    private static List<Demonstration> demonstrations(
            DatasetStore datasets, List<DatasetInfo> all, PromptStore prompts, RunInfo run, Sample sample) {
        List<Long> ids = sample.slot().demonstrationIds();
        Demonstrations how = ids.isEmpty()
                ? null
                : prompts.load(run.config().promptVersionId()).demonstrations();
        if (how == null) {
            return List.of();
        }
        Optional<DatasetInfo> source =
                all.stream().filter(d -> d.name().equals(how.dataset())).findFirst();
        if (source.isEmpty()) {
            return List.of();
        }
        Map<Long, DatasetRecord> byId = datasets.records(source.get().id(), ids).stream()
                .collect(Collectors.toMap(DatasetRecord::id, Function.identity()));
        List<Demonstration> shown = new ArrayList<>();
        for (long id : ids) {
            DatasetRecord r = byId.get(id);
            if (r != null) {
                shown.add(new Demonstration(id, value(r, how.text()), value(r, how.label())));
            }
        }
        return shown;
    }

    private static String value(DatasetRecord record, String column) {
        Object v = column == null ? null : record.values().get(column);
        return v == null ? null : Objects.toString(v);
    }
}
