package io.siftbench.model.datasets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The datasets of one project: importing them, reading them back, and browsing them page by page. */
public interface DatasetStore {

    /** Every dataset, ordered by name. */
    List<DatasetInfo> list();

    Optional<DatasetInfo> find(String name);

    /**
     * Reads only the first {@code rows} records of a file and says what an import would make of it.
     *
     * @throws DatasetImportException when those rows are already malformed
     */
    ImportPreview preview(ImportOptions options, int rows);

    /**
     * Imports a whole file as a new dataset (or in place of the dataset of the same name, with replace).
     * It succeeds whole or leaves the project exactly as it was.
     *
     * @throws DatasetImportException       for malformed input, naming file, line or record, column and what was wrong
     * @throws java.util.concurrent.CancellationException when {@code progress} says the user cancelled
     */
    ImportReport importFile(ImportOptions options, ImportProgress progress);

    /** How many records of the dataset match {@code query}. */
    long count(long datasetId, DatasetQuery query);

    /** The records at positions {@code offset .. offset+limit-1} as {@code query} filters and orders them. */
    DatasetPage page(long datasetId, DatasetQuery query, long offset, int limit);

    ColumnStatistics statistics(long datasetId, String column);

    /** Every record in import order, streamed without holding the dataset in memory. */
    void forEachRecord(long datasetId, Consumer<DatasetRecord> action);

    /** The ids of every record in import order, no column read: what a run over all of a dataset plans from. */
    long[] recordIds(long datasetId);

    /** The records with these ids, in id order; ids that do not exist are left out. */
    List<DatasetRecord> records(long datasetId, Collection<Long> ids);

    void rename(long datasetId, String newName);

    /** Says which columns hold the text and the label ({@code null} for none). */
    void setRoles(long datasetId, String textColumn, String labelColumn);

    void delete(long datasetId);
}
