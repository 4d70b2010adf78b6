package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnStatistics;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetPage;
import io.siftbench.model.datasets.DatasetQuery;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportPreview;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.datasets.ImportReport;
import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectChanges;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Datasets in H2: each in its own typed table, described by the {@code dataset} and {@code dataset_column} tables. */
public final class H2DatasetStore implements DatasetStore {

    private final DatasetCatalog catalog;
    private final DatasetImporter importer;
    private final DatasetBrowser browser;
    private final ProjectChanges changes;

    public H2DatasetStore(DataSource db, ProjectChanges changes) {
        this.changes = changes;
        this.catalog = new DatasetCatalog(db);
        this.importer = new DatasetImporter(db, catalog);
        this.browser = new DatasetBrowser(db, catalog);
        catalog.dropOrphans();
    }

    @Override
    public List<DatasetInfo> list() {
        return catalog.list();
    }

    @Override
    public Optional<DatasetInfo> find(String name) {
        return catalog.find(name);
    }

    @Override
    public ImportPreview preview(ImportOptions options, int rows) {
        return importer.preview(options, rows);
    }

    @Override
    public ImportReport importFile(ImportOptions options, ImportProgress progress) {
        ImportReport report = importer.importFile(options, progress);
        changes.told(ProjectChange.of(ProjectChange.Kind.DATASETS));
        return report;
    }

    @Override
    public long count(long datasetId, DatasetQuery query) {
        return browser.count(datasetId, query);
    }

    @Override
    public DatasetPage page(long datasetId, DatasetQuery query, long offset, int limit) {
        return browser.page(datasetId, query, offset, limit);
    }

    @Override
    public ColumnStatistics statistics(long datasetId, String column) {
        return browser.statistics(datasetId, column);
    }

    @Override
    public void forEachRecord(long datasetId, Consumer<DatasetRecord> action) {
        browser.forEachRecord(datasetId, action);
    }

    @Override
    public long[] recordIds(long datasetId) {
        return browser.recordIds(datasetId);
    }

    @Override
    public List<DatasetRecord> records(long datasetId, Collection<Long> ids) {
        return browser.records(datasetId, ids);
    }

    @Override
    public void rename(long datasetId, String newName) {
        catalog.rename(datasetId, newName);
        changes.told(ProjectChange.of(ProjectChange.Kind.DATASETS));
    }

    @Override
    public void setRoles(long datasetId, String textColumn, String labelColumn) {
        catalog.setRoles(datasetId, textColumn, labelColumn);
        changes.told(ProjectChange.of(ProjectChange.Kind.DATASETS));
    }

    @Override
    public void delete(long datasetId) {
        catalog.delete(datasetId);
        changes.told(ProjectChange.of(ProjectChange.Kind.DATASETS));
    }
}
