package io.siftbench.views.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.controls.EmptyState;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.FileDialogs;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Datasets screen: the project's datasets on the left, the chosen one in a paged table in the middle
 * with search, filter and sort, column statistics on the right, and the import progress below. Files come in
 * from the File menu, the Import button, or by dropping them on the screen.
 */
public final class DatasetsView implements ScreenView {

    private final DatasetsViewModel viewModel;
    private final FileDialogs dialogs;
    private final StackPane root = new StackPane();
    private final TableView<DatasetRecord> table = new TableView<>();
    private String appliedSort = "";

    public DatasetsView(DatasetsViewModel viewModel, FileDialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        EmptyState empty = new EmptyState(Screen.DATASETS.icon(), "", "");
        empty.setId("datasets-empty");
        empty.titleProperty()
                .bind(Bindings.when(viewModel.projectOpenProperty().not())
                        .then(EmptyScreenView.NO_PROJECT_TITLE)
                        .otherwise("No datasets yet"));
        empty.messageProperty()
                .bind(Bindings.when(viewModel.projectOpenProperty().not())
                        .then(EmptyScreenView.NO_PROJECT_MESSAGE)
                        .otherwise(
                                "Import a CSV, TSV, JSONL or JSON file (Datasets ▸ Import dataset…, Ctrl+I, or the Import"
                                        + " button), or drop one here."));
        empty.visibleProperty()
                .bind(Bindings.isEmpty(viewModel.datasets())
                        .and(viewModel.importingProperty().not()));
        VBox browser = browser();
        browser.visibleProperty().bind(empty.visibleProperty().not());
        // The empty state takes the table's place only, so that the Import button stays at hand.
        // The records are what this screen is for: the list and the statistics beside them keep to what they need.
        VBox list = datasetList();
        StatisticsPane statistics = new StatisticsPane(viewModel.table());
        list.setMinWidth(180);
        statistics.setMinWidth(200);
        SplitPane split = new SplitPane(list, new StackPane(browser, empty), statistics);
        split.setDividerPositions(0.18, 0.8);
        BorderPane content = new BorderPane(split);
        content.setBottom(importBar());
        root.getChildren().add(content);

        acceptDroppedFiles();
        viewModel.pendingProperty().addListener((obs, was, now) -> {
            if (now != null) {
                new ImportDialog(window(), now, viewModel::preview)
                        .ask()
                        .ifPresentOrElse(viewModel::startImport, viewModel::dismissPreview);
            }
        });
        viewModel.problemProperty().addListener((obs, was, now) -> showProblem(now));
        viewModel.table().problemProperty().addListener((obs, was, now) -> showProblem(now));
    }

    @Override
    public Screen screen() {
        return Screen.DATASETS;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public List<MenuItem> menuItems() {
        MenuItem importItem = new MenuItem("Import dataset…");
        importItem.setId("menu-import-dataset");
        importItem.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        importItem.disableProperty().bind(viewModel.projectOpenProperty().not());
        importItem.setOnAction(e -> chooseFile());
        return List.of(importItem);
    }

    private void chooseFile() {
        dialogs.chooseDatasetToImport(window()).ifPresent(viewModel::preview);
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && viewModel.projectOpenProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean took = files != null && !files.isEmpty();
            if (took) {
                viewModel.preview(files.get(0).toPath());
            }
            e.setDropCompleted(took);
            e.consume();
        });
    }

    private VBox datasetList() {
        ListView<DatasetInfo> list = new ListView<>(viewModel.datasets());
        list.setId("datasets-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DatasetInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                        empty || item == null
                                ? null
                                : String.format(
                                        Locale.ROOT,
                                        "%s — %,d records, %d columns",
                                        item.name(),
                                        item.rows(),
                                        item.columns().size()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, was, now) -> {
            if (!Objects.equals(list.getSelectionModel().getSelectedItem(), now)) {
                list.getSelectionModel().select(now);
            }
        });
        Button importButton = new Button("Import…");
        importButton.setId("datasets-import");
        importButton.setOnAction(e -> chooseFile());
        importButton
                .disableProperty()
                .bind(viewModel
                        .importingProperty()
                        .or(viewModel.projectOpenProperty().not()));
        Button rename = new Button("Rename…");
        rename.setId("datasets-rename");
        rename.disableProperty().bind(viewModel.selectedProperty().isNull());
        rename.setOnAction(e -> rename(viewModel.selectedProperty().get()));
        Button delete = new Button("Delete…");
        delete.setId("datasets-delete");
        delete.disableProperty().bind(viewModel.selectedProperty().isNull());
        delete.setOnAction(e -> delete(viewModel.selectedProperty().get()));
        MenuItem renameItem = new MenuItem("Rename…");
        renameItem.setOnAction(e -> rename(list.getSelectionModel().getSelectedItem()));
        MenuItem deleteItem = new MenuItem("Delete…");
        deleteItem.setOnAction(e -> delete(list.getSelectionModel().getSelectedItem()));
        list.setContextMenu(new ContextMenu(renameItem, deleteItem));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, Controls.toolbar(6, importButton, rename, delete), list);
        box.setPadding(new Insets(6));
        box.setMinWidth(270);
        return box;
    }

    private void rename(DatasetInfo dataset) {
        if (dataset == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(dataset.name());
        ask.initOwner(window());
        ask.setTitle("Rename dataset");
        ask.setHeaderText("Rename " + dataset.name() + " to:");
        ask.getDialogPane().setId("rename-dialog");
        ask.showAndWait()
                .map(String::trim)
                .filter(n -> !n.isEmpty() && !n.equals(dataset.name()))
                .ifPresent(n -> viewModel.rename(dataset, n));
    }

    private void delete(DatasetInfo dataset) {
        if (dataset == null) {
            return;
        }
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                String.format(
                        Locale.ROOT,
                        "Delete %s and its %,d records? Runs that used it keep their samples.",
                        dataset.name(),
                        dataset.rows()),
                ButtonType.OK,
                ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setTitle("Delete dataset");
        confirm.setHeaderText("Delete " + dataset.name() + "?");
        confirm.getDialogPane().setId("delete-dialog");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> viewModel.delete(dataset));
    }

    private VBox browser() {
        DatasetTableViewModel browse = viewModel.table();
        TextField search = new TextField();
        search.setId("datasets-search");
        search.setPromptText("Search the text column");
        search.textProperty().bindBidirectional(browse.searchProperty());
        search.setOnAction(e -> browse.applyQuery());
        ComboBox<String> filterColumn = new ComboBox<>();
        filterColumn.setId("datasets-filter-column");
        filterColumn.setPromptText("Column");
        filterColumn.valueProperty().bindBidirectional(browse.filterColumnProperty());
        TextField filterValue = new TextField();
        filterValue.setId("datasets-filter-value");
        filterValue.setPromptText("equals…");
        filterValue.textProperty().bindBidirectional(browse.filterValueProperty());
        filterValue.setOnAction(e -> browse.applyQuery());
        Button apply = new Button("Apply");
        apply.setId("datasets-apply");
        apply.setOnAction(e -> browse.applyQuery());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            search.clear();
            filterColumn.setValue(null);
            filterValue.clear();
            browse.applyQuery();
        });
        Label matching = new Label();
        matching.setId("datasets-matching");
        matching.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> browse.datasetProperty().get() == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "%,d records",
                                        browse.matchingProperty().get()),
                        browse.matchingProperty(),
                        browse.datasetProperty()));
        FlowPane bar = Controls.toolbar(6, search, filterColumn, new Label("="), filterValue, apply, clear, matching);

        table.setId("datasets-table");
        table.setPlaceholder(new Label("Choose a dataset."));
        table.itemsProperty().bind(browse.recordsProperty());
        browse.pagesArrivedProperty().addListener((obs, was, now) -> {
            if (table.getItems() instanceof PagedRecords records) {
                RecordColumns.fit(table.getColumns(), records.lastArrived());
            }
            table.refresh();
        });
        browse.datasetProperty().addListener((obs, was, now) -> {
            rebuildColumns(now);
            filterColumn.setItems(
                    now == null
                            ? FXCollections.observableArrayList()
                            : FXCollections.observableArrayList(
                                    now.columns().stream().map(ColumnInfo::name).toList()));
        });
        // Sorting happens in the database, page by page; the table only says what the user asked for.
        table.setSortPolicy(t -> {
            TableColumn<DatasetRecord, ?> first =
                    t.getSortOrder().isEmpty() ? null : t.getSortOrder().get(0);
            String column = first == null ? null : (String) first.getUserData();
            boolean descending = first != null && first.getSortType() == TableColumn.SortType.DESCENDING;
            String key = column + "/" + descending;
            if (!key.equals(appliedSort)) {
                appliedSort = key;
                browse.sortBy(column, descending);
            }
            return true;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, bar, table);
        box.setPadding(new Insets(6));
        return box;
    }

    private void rebuildColumns(DatasetInfo dataset) {
        appliedSort = "null/false";
        table.getSortOrder().clear();
        table.getColumns().clear();
        if (dataset == null) {
            return;
        }
        table.getColumns().setAll(RecordColumns.of(dataset, table.widthProperty()));
    }

    private HBox importBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress");
        bar.progressProperty().bind(viewModel.importFractionProperty());
        bar.visibleProperty().bind(viewModel.importingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("import-status");
        status.textProperty().bind(viewModel.importStatusProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        cancel.visibleProperty().bind(viewModel.importingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> viewModel.cancelImport());
        Button saveSkipped = new Button("Save list of skipped rows…");
        saveSkipped.setId("import-save-skipped");
        saveSkipped
                .visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> viewModel.lastReportProperty().get() != null
                                && viewModel.lastReportProperty().get().skippedRows() > 0
                                && !viewModel.importingProperty().get(),
                        viewModel.lastReportProperty(),
                        viewModel.importingProperty()));
        saveSkipped.managedProperty().bind(saveSkipped.visibleProperty());
        saveSkipped.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the list of skipped rows");
            chooser.setInitialFileName("skipped-rows.csv");
            File target = chooser.showSaveDialog(window());
            if (target != null) {
                viewModel.saveSkippedRows(target.toPath());
            }
        });
        HBox box = new HBox(8, bar, status, cancel, saveSkipped);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }

    private void showProblem(String message) {
        if (message == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(window());
        alert.setTitle("Siftbench");
        alert.setHeaderText("Datasets");
        alert.getDialogPane().setId("datasets-problem");
        alert.show();
        viewModel.clearProblem();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
