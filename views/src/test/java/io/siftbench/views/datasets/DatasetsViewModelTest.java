package io.siftbench.views.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.datasets.ColumnChoice;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.project.Project;
import io.siftbench.model.testing.NamedPipes;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import io.siftbench.views.task.TaskExecutor;
import io.siftbench.views.task.TaskHandle;
import io.siftbench.views.testing.HeldTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Datasets screen's view models over a real project file, their background work run on the calling
 * thread: import through the preview, browsing page by page, search, filter, sort, statistics, rename, delete.
 */
class DatasetsViewModelTest {

    @TempDir
    Path dir;

    private final SimpleObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final List<Runnable> uiUpdates = new ArrayList<>();
    private DatasetsViewModel viewModel;
    private Path file;

    @BeforeEach
    void openProject() throws IOException {
        StringBuilder csv = new StringBuilder("id,utterance,intent\n");
        for (int i = 1; i <= 12_345; i++) {
            csv.append(i)
                    .append(",\"")
                    .append(i % 1000 == 0 ? "Where is my refund, " : "card ")
                    .append(i)
                    .append("\",")
                    .append(i % 2 == 0 ? "even" : "odd")
                    .append('\n');
        }
        csv.append("oops,too,many,fields\n");
        file = dir.resolve("intents.csv");
        Files.writeString(file, csv.toString());
        project.set(new H2ProjectOpener().open(dir.resolve("project")));
        CurrentThreadTaskExecutor onThisThread = new CurrentThreadTaskExecutor();
        viewModel = new DatasetsViewModel(project.map(Project::datasets), new TaskExecutor() {
            @Override
            public <T> TaskHandle execute(BackgroundTask<T> task) {
                return onThisThread.execute(task);
            }

            @Override
            public Executor uiThread() {
                // Counts what reaches the UI, then runs it, as the calling thread stands for the UI thread here.
                return r -> {
                    uiUpdates.add(r);
                    r.run();
                };
            }
        });
    }

    @AfterEach
    void closeProject() {
        project.get().close();
    }

    private DatasetInfo importWithSkipping() {
        viewModel.preview(file);
        ImportOptions options = viewModel.pendingProperty().get().options().withSkipBadRows(true);
        viewModel.startImport(options);
        return viewModel.selectedProperty().get();
    }

    @Test
    void previewShowsTheFirstRowsAndGuessedRolesBeforeAnythingIsStored() {
        viewModel.preview(file);

        DatasetsViewModel.PendingImport pending = viewModel.pendingProperty().get();
        assertThat(pending.preview().rows()).hasSize(DatasetsViewModel.PREVIEW_ROWS);
        assertThat(pending.preview().rows().get(0)).containsExactly("1", "card 1", "odd");
        assertThat(pending.preview().textColumn()).isEqualTo("utterance");
        assertThat(pending.preview().labelColumn()).isEqualTo("intent");
        assertThat(viewModel.datasets()).isEmpty();
    }

    @Test
    void aBadRowStopsTheImportWithItsPlaceAndNothingIsStored() {
        viewModel.preview(file);
        viewModel.startImport(viewModel.pendingProperty().get().options());

        assertThat(viewModel.problemProperty().get())
                .isEqualTo(
                        "intents.csv, line 12347, column 4: expected 3 fields, as in the header, but the row has 4.");
        assertThat(viewModel.importingProperty().get()).isFalse();
        assertThat(viewModel.importStatusProperty().get()).isEqualTo("Import failed.");
        assertThat(viewModel.datasets()).isEmpty();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeIsRefusedAtOnceWithTheMessageTheCommandLineGives() throws InterruptedException {
        Path pipe = NamedPipes.make(dir.resolve("pipe.csv"));

        viewModel.preview(pipe);

        assertThat(viewModel.pendingProperty().get()).isNull();
        assertThat(viewModel.problemProperty().get())
                .isEqualTo(
                        "pipe.csv: this is a named pipe, not a regular file. "
                                + "Siftbench imports only regular files (it reads a file twice); save the data to a file first.");
    }

    @Test
    void importShowsProgressThenTheNewDatasetWithItsSkippedRows() throws IOException {
        DatasetInfo imported = importWithSkipping();

        assertThat(imported.rows()).isEqualTo(12_345);
        assertThat(viewModel.datasets()).extracting(DatasetInfo::name).containsExactly("intents");
        assertThat(viewModel.importStatusProperty().get()).isEqualTo("Imported 12345 records; skipped 1 bad rows.");
        assertThat(uiUpdates).isNotEmpty();
        assertThat(viewModel.importFractionProperty().get()).isEqualTo(1.0);
        Path saved = dir.resolve("saved.csv");
        viewModel.saveSkippedRows(saved);
        assertThat(Files.readAllLines(saved)).hasSize(2).element(1).asString().startsWith("12347,\"4\"");
    }

    @Test
    void theTableFetchesOnlyThePagesItIsAskedFor() {
        DatasetInfo imported = importWithSkipping();
        DatasetTableViewModel table = viewModel.table();
        assertThat(table.datasetProperty().get()).isEqualTo(imported);

        PagedRecords records = (PagedRecords) table.recordsProperty().get();
        assertThat(records).hasSize(12_345);
        assertThat(records.cachedPages()).isZero();
        DatasetRecord row = records.get(11_999);

        assertThat(row.text("utterance")).isEqualTo("Where is my refund, 12000");
        assertThat(records.cachedPages()).isEqualTo(1);
        for (int i = 0; i < records.size(); i += 50) {
            records.get(i);
        }
        assertThat(records.cachedPages()).isLessThanOrEqualTo(64);
        assertThat(table.pagesArrivedProperty().get()).isGreaterThan(100);
    }

    @Test
    void searchFilterSortAndStatistics() {
        importWithSkipping();
        DatasetTableViewModel table = viewModel.table();

        table.searchProperty().set("REFUND");
        table.applyQuery();
        assertThat(table.matchingProperty().get()).isEqualTo(12);

        table.filterColumnProperty().set("intent");
        table.filterValueProperty().set("even");
        table.searchProperty().set("");
        table.applyQuery();
        assertThat(table.matchingProperty().get()).isEqualTo(6172);

        table.sortBy("id", true);
        assertThat(table.recordsProperty().get().get(0).values().get("id")).isEqualTo(12_344L);

        table.computeStatistics("intent");
        assertThat(table.statisticsProperty().get().distinct()).isEqualTo(2);
        assertThat(table.statisticsProperty().get().lengthHistogram()).isNotEmpty();
    }

    @Test
    void importWithTheUsersColumnChoicesThenRenameAndDelete() {
        viewModel.preview(file);
        ImportOptions chosen = viewModel
                .pendingProperty()
                .get()
                .options()
                .withSkipBadRows(true)
                .withName("mine")
                .withColumns(
                        List.of(
                                new ColumnChoice("utterance", "question", null),
                                new ColumnChoice("id", "id", ColumnType.TEXT)),
                        "question",
                        null);
        viewModel.startImport(chosen);
        DatasetInfo mine = viewModel.selectedProperty().get();
        assertThat(mine.textColumn()).isEqualTo("question");
        assertThat(mine.labelColumn()).isNull();
        assertThat(mine.column("id")).get().extracting(c -> c.type()).isEqualTo(ColumnType.TEXT);

        viewModel.rename(mine, "renamed");
        assertThat(viewModel.datasets()).extracting(DatasetInfo::name).containsExactly("renamed");
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("renamed");

        viewModel.delete(viewModel.selectedProperty().get());
        assertThat(viewModel.datasets()).isEmpty();
        assertThat(viewModel.selectedProperty().get()).isNull();
        assertThat(viewModel.table().recordsProperty().get()).isEmpty();
    }

    @Test
    void aProjectOpenedWithDatasetsShowsTheFirstOneNotAnEmptyTable() throws IOException {
        Files.writeString(dir.resolve("b.csv"), "text,label\nb one,x\n");
        Files.writeString(dir.resolve("a.csv"), "text,label\na one,y\n");
        Path other = dir.resolve("other");
        try (Project p = new H2ProjectOpener().open(other)) {
            p.datasets()
                    .importFile(
                            ImportOptions.of(dir.resolve("a.csv")), io.siftbench.model.datasets.ImportProgress.NONE);
            p.datasets()
                    .importFile(
                            ImportOptions.of(dir.resolve("b.csv")), io.siftbench.model.datasets.ImportProgress.NONE);
        }
        Project first = project.get();
        project.set(new H2ProjectOpener().open(other));
        first.close();

        assertThat(viewModel.datasets()).hasSize(2);
        assertThat(viewModel.selectedProperty().get())
                .isEqualTo(viewModel.datasets().get(0));
        assertThat(viewModel.table().recordsProperty().get()).isNotEmpty();
    }

    @Test
    void aCountOfAnEarlierSearchThatArrivesLateIsNotShown() {
        DatasetInfo imported = importWithSkipping();
        HeldTasks held = new HeldTasks();
        DatasetTableViewModel table = new DatasetTableViewModel(project.map(Project::datasets), held);
        table.show(imported);
        table.searchProperty().set("refund");
        table.applyQuery();

        held.run(1);
        assertThat(table.matchingProperty().get()).isEqualTo(12);
        held.run(0);
        assertThat(table.matchingProperty().get())
                .as("the count of every record came after the search's")
                .isEqualTo(12);
        assertThat(table.recordsProperty().get()).hasSize(12);
    }

    @Test
    void theListOfAProjectClosedMeanwhileIsNotShown() {
        importWithSkipping();
        HeldTasks held = new HeldTasks();
        SimpleObjectProperty<Project> open = new SimpleObjectProperty<>(project.get());
        DatasetsViewModel late = new DatasetsViewModel(open.map(Project::datasets), held);
        assertThat(late.loadingProperty().get()).isTrue();

        open.set(null);
        held.run(0);

        assertThat(late.datasets()).isEmpty();
        assertThat(late.loadingProperty().get())
                .as("nothing is on its way any more")
                .isFalse();
    }
}
