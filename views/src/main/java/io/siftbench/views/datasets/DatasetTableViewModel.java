package io.siftbench.views.datasets;

import io.siftbench.model.datasets.ColumnStatistics;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetQuery;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One dataset in the table: the records matching the search and filter, in the chosen order, fetched page
 * by page as the user scrolls; and the statistics of a column on demand.
 */
public final class DatasetTableViewModel {

    private final ProjectTasks<DatasetStore> tasks;
    /** Only the newest query's count shows: the user may type faster than records are counted. */
    private final ProjectTasks<DatasetStore>.Latest counts;
    /** Only the statistics asked for last, of the dataset shown, show. */
    private final ProjectTasks<DatasetStore>.Latest statisticsReads;

    private final ReadOnlyObjectWrapper<DatasetInfo> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<ObservableList<DatasetRecord>> records =
            new ReadOnlyObjectWrapper<>(this, "records", FXCollections.emptyObservableList());
    private final ReadOnlyLongWrapper matching = new ReadOnlyLongWrapper(this, "matching");
    private final ReadOnlyIntegerWrapper pagesArrived = new ReadOnlyIntegerWrapper(this, "pagesArrived");
    private final ReadOnlyObjectWrapper<ColumnStatistics> statistics = new ReadOnlyObjectWrapper<>(this, "statistics");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final StringProperty filterColumn = new SimpleStringProperty(this, "filterColumn");
    private final StringProperty filterValue = new SimpleStringProperty(this, "filterValue", "");
    private String sortColumn;
    private boolean descending;

    public DatasetTableViewModel(ObservableValue<DatasetStore> datasets, TaskExecutor tasks) {
        this.tasks = new ProjectTasks<>(datasets, tasks);
        this.counts = this.tasks.latest();
        this.statisticsReads = this.tasks.latest();
    }

    public ReadOnlyObjectProperty<DatasetInfo> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    /** The matching records as a list of their full count; rows not yet fetched are {@code null}. */
    public ReadOnlyObjectProperty<ObservableList<DatasetRecord>> recordsProperty() {
        return records.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    /** Counts up each time a page arrives, so the table can redraw the rows it shows. */
    public ReadOnlyIntegerProperty pagesArrivedProperty() {
        return pagesArrived.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ColumnStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Text the text column must contain; applied by {@link #applyQuery()}. */
    public StringProperty searchProperty() {
        return search;
    }

    /** A column whose value must equal {@link #filterValueProperty()}; {@code null} for no filter. */
    public StringProperty filterColumnProperty() {
        return filterColumn;
    }

    public StringProperty filterValueProperty() {
        return filterValue;
    }

    /** Shows {@code info} (or nothing), from its first record, without search, filter or sort. */
    public void show(DatasetInfo info) {
        dataset.set(info);
        search.set("");
        filterColumn.set(null);
        filterValue.set("");
        sortColumn = null;
        descending = false;
        statisticsReads.clear();
        statistics.set(null);
        applyQuery();
    }

    /** Sorts by {@code column} ({@code null} for import order). */
    public void sortBy(String column, boolean newestFirst) {
        sortColumn = column;
        descending = newestFirst;
        applyQuery();
    }

    /** Counts the records that match the search and filter, then shows them. */
    public void applyQuery() {
        DatasetInfo info = dataset.get();
        DatasetStore open = tasks.open();
        if (info == null || open == null) {
            counts.clear();
            records.set(FXCollections.emptyObservableList());
            matching.set(0);
            return;
        }
        DatasetQuery query =
                new DatasetQuery(search.get(), filterColumn.get(), filterValue.get(), sortColumn, descending);
        counts.execute(BackgroundTask.of("Counting records", progress -> open.count(info.id(), query))
                .quiet()
                .onSuccess(count -> {
                    problem.set(null);
                    matching.set(count);
                    records.set(new PagedRecords(
                            count,
                            (offset, limit) -> open.page(info.id(), query, offset, limit),
                            tasks.executor(),
                            () -> pagesArrived.set(pagesArrived.get() + 1)));
                })
                .onFailure(error -> problem.set(error.getMessage())));
    }

    /** Computes the statistics of {@code column} in the background. */
    public void computeStatistics(String column) {
        DatasetInfo info = dataset.get();
        DatasetStore open = tasks.open();
        if (info == null || open == null || column == null) {
            return;
        }
        statistics.set(null);
        statisticsReads.execute(
                BackgroundTask.of("Column statistics of " + column, progress -> open.statistics(info.id(), column))
                        .onSuccess(statistics::set)
                        .onFailure(error -> problem.set(error.getMessage())));
    }
}
