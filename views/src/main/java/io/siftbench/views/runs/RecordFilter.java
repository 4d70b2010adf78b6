package io.siftbench.views.runs;

import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInputs;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The New run form's filter of the records an annotate run takes: only those of the chosen dataset whose column
 * holds a value. The matching records are counted in the background as the user picks and types, so that the form
 * can say how many there are, and a run is sized by them.
 */
final class RecordFilter {

    private final ObservableValue<DatasetInfo> dataset;
    private final ObservableBooleanValue annotates;
    private final ObservableValue<NewRunSources> sources;
    private final TaskExecutor tasks;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);

    private final BooleanProperty on = new SimpleBooleanProperty(this, "filter");
    private final ObjectProperty<String> column = new SimpleObjectProperty<>(this, "filterColumn");
    private final StringProperty value = new SimpleStringProperty(this, "filterValue", "");
    private final ReadOnlyStringWrapper matching = new ReadOnlyStringWrapper(this, "matching", "");
    /** How many records the filter the form shows matches; null while they are counted (or there is no filter). */
    private Long counted;
    /**
     * Latest wins: a count for a filter the user has typed past stops at its next record and its answer is
     * ignored. Written on the UI thread, read by the counting one; never an interrupt, which would close the
     * project's H2 file under every connection.
     */
    private volatile int counting;

    /**
     * @param dataset   the dataset the run annotates
     * @param annotates whether the run annotates: only then does the filter apply
     * @param sources   the stores of the open project; null while none is open
     */
    RecordFilter(
            ObservableValue<DatasetInfo> dataset,
            ObservableBooleanValue annotates,
            ObservableValue<NewRunSources> sources,
            TaskExecutor tasks) {
        this.dataset = dataset;
        this.annotates = annotates;
        this.sources = sources;
        this.tasks = tasks;
        dataset.addListener((obs, was, now) -> {
            columns.setAll(
                    now == null
                            ? List.of()
                            : now.columns().stream().map(ColumnInfo::name).toList());
            if (!columns.contains(column.get())) {
                // The label column is what a filter usually picks ("only the card_arrival questions").
                column.set(now == null ? null : now.labelColumn());
            }
        });
        for (ObservableValue<?> o : List.of(dataset, on, column, value)) {
            o.addListener((obs, was, now) -> recount());
        }
    }

    /** No filter, as a new form starts. */
    void reset() {
        on.set(false);
        value.set("");
    }

    /** The filter of a run being re-run. */
    void fill(RunDetails details) {
        on.set(details.filtered());
        if (details.filtered()) {
            column.set(details.whereColumn());
            value.set(details.whereValue() == null ? "" : details.whereValue());
        }
    }

    /** {@code details} taking only the records the filter matches, or every record when there is no filter. */
    RunDetails over(RunDetails details) {
        return details.withWhere(filtering() ? column.get() : null, filtering() ? value.get() : null);
    }

    /** Whether the records to annotate are filtered: the box is ticked and the run annotates. */
    private boolean filtering() {
        return on.get() && annotates.get();
    }

    /**
     * Counts in the background the records of the chosen dataset the filter matches and says so in
     * {@link #matchingProperty()}; an earlier count still going stops.
     */
    private void recount() {
        int mine = ++counting;
        counted = null;
        DatasetInfo chosen = dataset.getValue();
        NewRunSources open = sources.getValue();
        String where = column.get();
        if (!on.get() || chosen == null || open == null) {
            matching.set("");
            return;
        }
        if (where == null) {
            matching.set("Choose the column whose value the records must have.");
            return;
        }
        RunDetails details = RunDetails.of(null, GenerationParameters.DEFAULT).withWhere(where, value.get());
        matching.set("Counting the records that match…");
        tasks.execute(BackgroundTask.of(
                        "Counting matching records",
                        progress -> RunInputs.count(open.datasets(), chosen, details, () -> mine != counting))
                .quiet()
                .onSuccess(n -> {
                    if (mine == counting) {
                        counted = n;
                        matching.set(String.format(Locale.ROOT, "%,d of %,d records match", n, chosen.rows()));
                    }
                })
                .onFailure(e -> {
                    if (mine == counting) {
                        matching.set("The records could not be counted: " + e.getMessage());
                    }
                }));
    }

    /**
     * How many records the run may take: the dataset's size, or what the filter the form shows matched.
     *
     * @throws IllegalArgumentException when the filter has no column yet or its count is not in
     */
    long available() {
        DatasetInfo chosen = dataset.getValue();
        if (!filtering() || chosen == null) {
            return chosen == null ? 0 : chosen.rows();
        }
        if (column.get() == null) {
            throw new IllegalArgumentException("Choose the column whose value the records must have.");
        }
        if (counted == null) {
            throw new IllegalArgumentException(
                    "The matching records are still being counted; start again in a moment.");
        }
        return counted;
    }

    /** The columns of the chosen dataset, which the filter may test. */
    ObservableList<String> columns() {
        return columnsView;
    }

    /** Annotate only the records whose {@link #columnProperty()} holds {@link #valueProperty()}. */
    BooleanProperty onProperty() {
        return on;
    }

    ObjectProperty<String> columnProperty() {
        return column;
    }

    StringProperty valueProperty() {
        return value;
    }

    /** How many of the dataset's records the filter matches ("412 of 10,003 records match"); empty without one. */
    ReadOnlyStringProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }
}
