package io.siftbench.views.datasets;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportPreview;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.datasets.ImportReport;
import io.siftbench.model.datasets.ImportStage;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import io.siftbench.views.task.TaskHandle;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Datasets screen: the project's datasets, the one shown in the table, and importing, renaming and
 * deleting them. All work runs through the task executor, which also hands import progress to the UI thread.
 */
public final class DatasetsViewModel {

    static final int PREVIEW_ROWS = 20;

    /** A file read for the preview dialog, and the options it was read with. */
    public record PendingImport(ImportOptions options, ImportPreview preview) {}

    private final TaskExecutor tasks;
    private final ProjectTasks<DatasetStore> projectTasks;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<DatasetInfo> datasetsReadOnly = FXCollections.unmodifiableObservableList(datasets);

    private final ReadOnlyBooleanWrapper projectOpen = new ReadOnlyBooleanWrapper(this, "projectOpen");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObjectProperty<DatasetInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final DatasetTableViewModel table;
    private final ReadOnlyObjectWrapper<PendingImport> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyDoubleWrapper importFraction = new ReadOnlyDoubleWrapper(this, "importFraction");
    private final ReadOnlyStringWrapper importStatus = new ReadOnlyStringWrapper(this, "importStatus", "");
    private final ReadOnlyObjectWrapper<ImportReport> lastReport = new ReadOnlyObjectWrapper<>(this, "lastReport");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private TaskHandle runningImport;

    /** @param datasets the dataset store of the open project; null while none is open */
    public DatasetsViewModel(ObservableValue<DatasetStore> datasets, TaskExecutor tasks) {
        this.tasks = tasks;
        this.projectTasks = new ProjectTasks<>(datasets, tasks);
        this.table = new DatasetTableViewModel(datasets, tasks);
        projectOpen.set(datasets.getValue() != null);
        projectTasks.onSwitch(now -> {
            projectOpen.set(now != null);
            selected.set(null);
            reload();
        });
        selected.addListener((obs, was, now) -> {
            if (now == null || was == null || now.id() != was.id()) {
                table.show(now);
            }
        });
        reload();
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasetsReadOnly;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether a project is open: without one there is nothing to list or import into. */
    public ReadOnlyBooleanProperty projectOpenProperty() {
        return projectOpen.getReadOnlyProperty();
    }

    /** The dataset shown in the table. */
    public ObjectProperty<DatasetInfo> selectedProperty() {
        return selected;
    }

    public DatasetTableViewModel table() {
        return table;
    }

    /** A file waiting for the user to confirm its preview; {@code null} when none is. */
    public ReadOnlyObjectProperty<PendingImport> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty importFractionProperty() {
        return importFraction.getReadOnlyProperty();
    }

    /** For example "Storing: 120,000 rows · 45,000 rows/s · 0:12 left". */
    public ReadOnlyStringProperty importStatusProperty() {
        return importStatus.getReadOnlyProperty();
    }

    /** The outcome of the last finished import. */
    public ReadOnlyObjectProperty<ImportReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    /** What went wrong last, in words for the user; {@code null} when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void clearProblem() {
        problem.set(null);
    }

    /** Reads the list of datasets again from the open project. */
    public void reload() {
        DatasetStore open = projectTasks.open();
        if (open == null) {
            datasets.clear();
            // A listing still on its way is for a project closed since: it will not arrive to say it is done.
            loading.set(false);
            return;
        }
        loading.set(true);
        projectTasks.execute(BackgroundTask.of("Listing datasets", progress -> open.list())
                .quiet()
                .onSuccess(this::show)
                .onFailure(error -> loading.set(false)));
    }

    private void show(List<DatasetInfo> list) {
        loading.set(false);
        DatasetInfo was = selected.get();
        datasets.setAll(list);
        // The dataset chosen stays chosen; with none chosen yet, the first one shows rather than an empty table.
        selected.set(list.stream()
                .filter(d -> was != null && d.id() == was.id())
                .findFirst()
                .orElse(list.isEmpty() ? null : list.get(0)));
    }

    /** Reads the first rows of {@code file} for the preview dialog (drag and drop, the file chooser, the menu). */
    public void preview(Path file) {
        preview(ImportOptions.of(file));
    }

    /** Reads the preview again, for example after the user said the file has no header. */
    public void preview(ImportOptions options) {
        DatasetStore open = projectTasks.open();
        if (open == null) {
            problem.set("Open or create a project before importing a dataset.");
            return;
        }
        tasks.execute(BackgroundTask.of(
                        "Reading " + options.file().getFileName(), progress -> open.preview(options, PREVIEW_ROWS))
                .onSuccess(preview -> pending.set(new PendingImport(options, preview)))
                .onFailure(error -> problem.set(error.getMessage())));
    }

    /** The user closed the preview without importing. */
    public void dismissPreview() {
        pending.set(null);
    }

    /** Imports with the options the user confirmed in the preview. */
    public void startImport(ImportOptions options) {
        DatasetStore open = projectTasks.open();
        pending.set(null);
        if (open == null || importing.get()) {
            return;
        }
        importing.set(true);
        importFraction.set(0);
        importStatus.set("Starting…");
        ImportMeter meter = new ImportMeter(System.nanoTime());
        runningImport = tasks.execute(BackgroundTask.of(
                        "Importing " + options.file().getFileName(),
                        progress -> open.importFile(options, new ImportProgress() {
                            @Override
                            public void update(ImportStage stage, long rows, long bytesRead, long totalBytes) {
                                ImportMeter.Reading r =
                                        meter.read(stage, rows, bytesRead, totalBytes, System.nanoTime());
                                progress.update(r.fraction(), 1, r.text());
                                tasks.uiThread().execute(() -> {
                                    importFraction.set(r.fraction());
                                    importStatus.set(r.text());
                                });
                            }

                            @Override
                            public boolean isCancelled() {
                                return progress.isCancelled();
                            }
                        }))
                .onSuccess(report -> {
                    finishImport(
                            report.skippedRows() == 0
                                    ? "Imported " + report.dataset().rows() + " records."
                                    : "Imported " + report.dataset().rows() + " records; skipped "
                                            + report.skippedRows() + " bad rows.");
                    lastReport.set(report);
                    selected.set(report.dataset());
                    reload();
                })
                .onFailure(error -> {
                    finishImport("Import failed.");
                    problem.set(error.getMessage());
                })
                .onCancelled(() -> finishImport("Import cancelled; nothing was stored.")));
    }

    private void finishImport(String status) {
        runningImport = null;
        importing.set(false);
        importStatus.set(status);
    }

    public void cancelImport() {
        if (runningImport != null) {
            runningImport.cancel();
        }
    }

    /** Copies the list of rows the last import skipped to {@code target}, where the user chose to keep it. */
    public void saveSkippedRows(Path target) {
        ImportReport report = lastReport.get();
        if (report == null || report.skippedRowsFile() == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(
                        "Saving the list of skipped rows",
                        progress -> java.nio.file.Files.copy(
                                report.skippedRowsFile(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING))
                .onFailure(error -> problem.set("Could not save the list of skipped rows: " + error.getMessage())));
    }

    public void rename(DatasetInfo dataset, String newName) {
        change("Renaming " + dataset.name(), open -> open.rename(dataset.id(), newName));
    }

    public void delete(DatasetInfo dataset) {
        if (selected.get() != null && selected.get().id() == dataset.id()) {
            selected.set(null);
        }
        change("Deleting " + dataset.name(), open -> open.delete(dataset.id()));
    }

    private void change(String title, java.util.function.Consumer<DatasetStore> work) {
        DatasetStore open = projectTasks.open();
        if (open == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(title, progress -> {
                    work.accept(open);
                    return Boolean.TRUE;
                })
                .onSuccess(done -> reload())
                .onFailure(error -> problem.set(error.getMessage())));
    }
}
