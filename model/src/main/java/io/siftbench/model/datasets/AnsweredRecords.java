package io.siftbench.model.datasets;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The records of a run's dataset that its samples answered, read in one go, with the text and label columns marked
 * at import: what the metrics measure and what Compare heads a row with, an annotate sample carrying neither.
 *
 * @param dataset the run's dataset
 * @param byId    the records read, by id
 */
public record AnsweredRecords(DatasetInfo dataset, Map<Long, DatasetRecord> byId) {

    public AnsweredRecords {
        byId = Map.copyOf(byId);
    }

    /** Reads {@code recordIds} of dataset {@code datasetId}; empty when there is no dataset (a synthesis) or no such. */
    public static Optional<AnsweredRecords> read(DatasetStore datasets, Long datasetId, Collection<Long> recordIds) {
        if (datasetId == null) {
            return Optional.empty();
        }
        return datasets.list().stream()
                .filter(d -> d.id() == datasetId)
                .findFirst()
                .map(d -> {
                    Map<Long, DatasetRecord> read = new HashMap<>();
                    datasets.records(d.id(), recordIds).forEach(r -> read.put(r.id(), r));
                    return new AnsweredRecords(d, read);
                });
    }

    /** Record {@code recordId}'s text, or null where there is no such record or no text column. */
    public String text(Long recordId) {
        return value(recordId, dataset.textColumn());
    }

    /** Record {@code recordId}'s gold label, or null where there is no such record or no label column. */
    public String label(Long recordId) {
        return value(recordId, dataset.labelColumn());
    }

    private String value(Long recordId, String column) {
        DatasetRecord record = recordId == null ? null : byId.get(recordId);
        return record == null || column == null ? null : record.text(column);
    }
}
