package io.siftbench.views.runs;

import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.controls.EmptyState;
import io.siftbench.views.project.SchemaStyleHint;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Runs screen: every run with its configuration and counts, and for the selected one its live progress,
 * ETA, rates and errors, with resume and cancel, and where its first samples are mostly invalid the likely cause
 * and its fix.
 */
public final class RunsView implements ScreenView {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final BorderPane root = new BorderPane();
    private final RunsViewModel viewModel;
    private final RunSchemaHint schemaHint;
    private final TableView<RunInfo> table = new TableView<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button resume = new Button("Resume", new FontIcon(Material2MZ.PLAY_ARROW));
    private final Button cancel = new Button("Cancel", new FontIcon(Material2AL.CLOSE));
    private final Button export = new Button("Export…");
    private java.util.function.BiConsumer<javafx.stage.Window, Long> onExport = (owner, run) -> {};
    /** Opens a run's samples on another screen (wired by the shell, which owns the screens). */
    private java.util.function.BiConsumer<Screen, Long> onOpen = (screen, run) -> {};

    private final Button newRun = new Button("New run…", new FontIcon(Material2AL.ADD));
    private final Button rerun = new Button("Re-run with one change…", new FontIcon(Material2MZ.REPLAY));

    public RunsView(RunsViewModel viewModel, NewRunViewModel form, RunSchemaHint schemaHint) {
        this.viewModel = viewModel;
        this.schemaHint = schemaHint;
        table.setId("runs-table");
        table.setItems(viewModel.runs());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Controls.textColumn("#", 40, r -> String.valueOf(r.id()), "9999"));
        table.getColumns().add(Controls.freeTextColumn("Prompt", 110, RunLabel::prompt));
        TableColumn<RunInfo, String> pipeline = Controls.freeTextColumn("Pipeline", 150, viewModel::step);
        // Shown only where a listed run is a pipeline's step: an empty column would push Status, Samples and Errors
        // out of a 1280-pixel window.
        pipeline.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> viewModel.runs().stream()
                                .anyMatch(r -> viewModel.stepOf(r).isPresent()),
                        viewModel.runs()));
        table.getColumns().add(pipeline);
        table.getColumns()
                .add(Controls.textColumn(
                        "Mode",
                        0,
                        r -> r.config().mode().id(),
                        Arrays.stream(PromptMode.values()).map(PromptMode::id).toArray(String[]::new)));
        table.getColumns()
                .add(Controls.freeTextColumn(
                        "Backend", 220, r -> r.config().backend().shown()));
        table.getColumns()
                .add(Controls.freeTextColumn(
                        "Model", 140, r -> r.config().backend().modelShown()));
        // A filtered subset makes a long line for a narrow column: the whole of it shows on hover. The seed ends it
        // rather than taking a column: the columns' least widths would not fit a 1280-pixel window with the Pipeline
        // one.
        TableColumn<RunInfo, String> settings = Controls.freeTextColumn(
                "Settings",
                200,
                r -> viewModel.settings(r) + " · seed " + r.config().seed());
        table.getColumns().add(settings);
        table.getColumns()
                .add(Controls.textColumn(
                        "Status",
                        0,
                        r -> r.status().id(),
                        Arrays.stream(RunStatus.values()).map(RunStatus::id).toArray(String[]::new)));
        Function<RunInfo, String> counted =
                r -> r.samples() + " / " + r.config().target();
        TableColumn<RunInfo, String> samples = Controls.textColumn("Samples", 0, counted, "10000 / 10000");
        // A run of a million needs more than the usual width: the column widens to the runs listed, never narrows.
        viewModel.runs().addListener((ListChangeListener<RunInfo>) change -> {
            Controls.widenToFit(samples, viewModel.runs().stream().map(counted), 220);
            samples.setMaxWidth(samples.getPrefWidth());
        });
        table.getColumns().add(samples);
        table.getColumns().add(Controls.textColumn("Errors", 0, r -> String.valueOf(r.failures()), "10000"));
        table.getColumns().add(Controls.textColumn("Created", 0, r -> WHEN.format(r.createdAt()), "2026-12-30 00:00"));

        resume.setId("run-resume");
        cancel.setId("run-cancel");
        progress.setId("run-progress");
        progressText.setId("run-progress-text");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        export.setId("run-export");
        export.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        export.setOnAction(
                e -> selected().ifPresent(r -> onExport.accept(root.getScene().getWindow(), r.id())));
        newRun.setId("run-new");
        rerun.setId("run-rerun");
        newRun.disableProperty().bind(viewModel.noProjectBinding());
        controls.getChildren().setAll(rerun, resume, cancel, export, progress, progressText);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(8));

        resume.setOnAction(e -> selected().ifPresent(viewModel::resume));
        newRun.setOnAction(e -> {
            form.open();
            new NewRunDialog(root.getScene().getWindow(), form, "New run").show();
        });
        rerun.setOnAction(e -> selected().ifPresent(run -> {
            form.openFrom(run);
            new NewRunDialog(root.getScene().getWindow(), form, "Re-run #" + run.id() + " with one change").show();
        }));
        cancel.setOnAction(e -> selected().ifPresent(r -> viewModel.cancel(r.id())));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> showSelected());
        // A run opens where its samples are worked on: a double-click in Review, the row's menu anywhere else.
        table.setRowFactory(t -> {
            TableRow<RunInfo> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(Screen.REVIEW, row.getItem().id());
                }
            });
            ContextMenu menu = new ContextMenu();
            for (Screen screen : List.of(Screen.REVIEW, Screen.COMPARE, Screen.INSIGHTS)) {
                MenuItem open = new MenuItem("Open in " + screen.title());
                open.setId("run-open-" + screen.name().toLowerCase(java.util.Locale.ROOT));
                open.setOnAction(e -> onOpen.accept(screen, row.getItem().id()));
                menu.getItems().add(open);
            }
            row.contextMenuProperty()
                    .bind(Bindings.when(row.emptyProperty())
                            .then((ContextMenu) null)
                            .otherwise(menu));
            return row;
        });
        viewModel.live().addListener((MapChangeListener<Long, RunProgress>) c -> showSelected());
        // A reload replaces the rows; keep the run the user had selected.
        // After the table's own handling of the new rows, which drops a selection whose row was replaced.
        // Shown again too: a run that stopped may be listed as the same row, which selects nothing new.
        viewModel.runs().addListener((javafx.collections.ListChangeListener<RunInfo>)
                c -> javafx.application.Platform.runLater(() -> {
                    reselect();
                    showSelected();
                }));
        // A run just started is the one the researcher wants to watch: it is selected as soon as it is listed.
        viewModel.startedProperty().addListener((obs, was, now) -> {
            if (now != null) {
                selectedId = now;
                reselect();
            }
        });
        showSelected();

        content.setCenter(table);
        bottom.getChildren().setAll(hintBar(), controls);
        content.setBottom(bottom);
        EmptyState empty = new EmptyState(Screen.RUNS.icon(), "", "");
        empty.setId("runs-empty");
        empty.titleProperty()
                .bind(Bindings.when(viewModel.noProjectBinding())
                        .then(EmptyScreenView.NO_PROJECT_TITLE)
                        .otherwise("No runs yet"));
        empty.messageProperty()
                .bind(
                        Bindings.when(viewModel.noProjectBinding())
                                .then(EmptyScreenView.NO_PROJECT_MESSAGE)
                                .otherwise(
                                        "A run sends a prompt version to a backend and keeps every sample the moment it arrives."));
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.runs()));
        content.visibleProperty().bind(empty.visibleProperty().not());
        // "New run…" stays above the empty state: it is how the first run is made.
        // Why a run could not be made or stopped: said here, where the run is, rather than lost.
        Label problem = new Label();
        problem.setId("runs-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        viewModel
                .problemProperty()
                .addListener(
                        (obs, was, now) -> problem.setText(now == null ? "" : now.heading() + ": " + now.message()));
        // What a run's start found out, such as the server its backend's first use detected.
        Label message = new Label();
        message.setId("runs-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        // A long problem or message wraps beside the buttons rather than squeezing them to "…".
        newRun.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        top.getChildren().setAll(newRun, problem, message);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 8, 0, 8));
        root.setTop(top);
        root.setCenter(new StackPane(content, empty));
    }

    private Long selectedId;
    private final BorderPane content = new BorderPane();
    private final VBox bottom = new VBox();
    /** The selected run's buttons and progress, under the table: the Batch button joins them. */
    private final HBox controls = new HBox(8);
    /** The selected run's endpoints, where the shell shows them. */
    private RunEndpoints endpoints;

    private final HBox top = new HBox(8);
    /** Whether a run is a step of a pipeline run going on in this window, which alone generates it then. */
    private java.util.function.Predicate<RunInfo> byPipeline = run -> false;

    /**
     * Shows the project's pipeline runs above the runs, one row each with every step's progress, live while they
     * run; choosing one selects its first step's run below, where its step runs stand together. "New pipeline run…"
     * starts one with the settings of {@code run --pipeline}.
     */
    public void showPipelineRuns(PipelineRunsViewModel pipelineRuns, NewPipelineRunViewModel form) {
        Button start = new Button("New pipeline run…", new FontIcon(Material2AL.ACCOUNT_TREE));
        start.setId("run-new-pipeline");
        start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        start.disableProperty().bind(viewModel.noProjectBinding());
        start.setOnAction(e -> {
            form.open();
            new NewPipelineRunDialog(root.getScene().getWindow(), form).show();
        });
        top.getChildren().add(1, start);
        TableView<PipelineRunRow> rows = new TableView<>(pipelineRuns.rows());
        rows.setId("pipeline-runs");
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.getColumns().add(Controls.textColumn("Pipeline run", 0, r -> "#" + r.pipelineRun(), "Pipeline run"));
        rows.getColumns().add(Controls.textColumn("Status", 0, pipelineRuns::status, "step 10 interrupted"));
        rows.getColumns().add(Controls.freeTextColumn("Steps", 500, pipelineRuns::progress));
        // As tall as its rows, up to four: the runs below keep the room.
        rows.setFixedCellSize(30);
        rows.prefHeightProperty()
                .bind(Bindings.min(4, Bindings.size(pipelineRuns.rows()))
                        .multiply(30)
                        .add(34));
        rows.minHeightProperty().bind(rows.prefHeightProperty());
        pipelineRuns.onLive(rows::refresh);
        Button resumeAll = new Button("Resume pipeline run", new FontIcon(Material2MZ.PLAY_ARROW));
        resumeAll.setId("pipeline-run-resume");
        Button cancelAll = new Button("Cancel pipeline run", new FontIcon(Material2AL.CLOSE));
        cancelAll.setId("pipeline-run-cancel");
        Runnable buttons = () -> {
            PipelineRunRow row = rows.getSelectionModel().getSelectedItem();
            resumeAll.setDisable(row == null || pipelineRuns.isRunning(row));
            cancelAll.setDisable(row == null || !pipelineRuns.isRunning(row));
        };
        rows.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            buttons.run();
            if (now != null) {
                // Its steps stand together below, first step first: the first is where the researcher looks.
                table.getSelectionModel().select(now.steps().get(0));
                table.scrollTo(now.steps().get(0));
            }
        });
        pipelineRuns.onLive(buttons);
        buttons.run();
        byPipeline = pipelineRuns::runsStepOf;
        pipelineRuns.onLive(this::showSelected);
        resumeAll.setOnAction(
                e -> java.util.Optional.ofNullable(rows.getSelectionModel().getSelectedItem())
                        .ifPresent(pipelineRuns::resume));
        cancelAll.setOnAction(
                e -> java.util.Optional.ofNullable(rows.getSelectionModel().getSelectedItem())
                        .ifPresent(pipelineRuns::cancel));
        HBox actions = new HBox(8, resumeAll, cancelAll);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, rows, actions);
        box.setPadding(new Insets(8, 8, 0, 8));
        Controls.showWhen(Bindings.isNotEmpty(pipelineRuns.rows()), box);
        content.setTop(box);
    }

    /**
     * Shows, below the runs, what each endpoint did for the selected run where its backend is spread over several:
     * samples, failed requests, mean and median latency, and requests in flight now while it goes on.
     */
    public void showEndpoints(RunEndpoints figures) {
        endpoints = figures;
        TableView<RunEndpoints.Row> rows = new TableView<>(figures.rows());
        rows.setId("run-endpoints");
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.getColumns().add(Controls.freeTextColumn("Endpoint", 260, RunEndpoints.Row::endpoint));
        rows.getColumns().add(Controls.textColumn("Samples", 0, r -> String.valueOf(r.samples()), "100000"));
        rows.getColumns().add(Controls.textColumn("Failed", 0, r -> String.valueOf(r.failed()), "100000"));
        rows.getColumns()
                .add(Controls.textColumn(
                        "Mean latency", 0, r -> r.samples() == 0 ? "" : r.meanLatencyMillis() + " ms", "100000 ms"));
        rows.getColumns()
                .add(Controls.textColumn(
                        "Median latency",
                        0,
                        r -> r.samples() == 0 ? "" : r.medianLatencyMillis() + " ms",
                        "100000 ms"));
        rows.getColumns()
                .add(Controls.textColumn(
                        "In flight", 0, r -> r.inFlightShown(figures.limits()), "100 of 100 · resting"));
        // As tall as its rows and its header, up to four rows: the runs above keep the room.
        rows.setFixedCellSize(30);
        rows.prefHeightProperty()
                .bind(Bindings.min(4, Bindings.size(figures.rows()))
                        .multiply(30)
                        .add(44));
        rows.minHeightProperty().bind(rows.prefHeightProperty());
        VBox box = new VBox(rows);
        box.setPadding(new Insets(8, 8, 0, 8));
        Controls.showWhen(Bindings.size(figures.rows()).greaterThan(1), box);
        bottom.getChildren().add(0, box);
        showSelected();
    }

    /** The likely cause of mostly invalid first samples, with its fix, and what the fix did; hidden when silent. */
    private Node hintBar() {
        Label hint = new Label();
        hint.setId("run-schema-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(schemaHint.hintProperty());
        Button fix = new Button(SchemaStyleHint.FIX);
        fix.setId("run-schema-fix");
        fix.setOnAction(e -> schemaHint.sendSchemaAsJsonObject());
        Controls.showWhen(schemaHint.hintProperty().isNotEmpty(), fix);
        Label done = new Label();
        done.setId("run-schema-message");
        done.setWrapText(true);
        done.textProperty().bind(schemaHint.messageProperty());
        HBox bar = new HBox(8, hint, fix, done);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 8, 0, 8));
        Controls.showWhen(
                schemaHint
                        .hintProperty()
                        .isNotEmpty()
                        .or(schemaHint.messageProperty().isNotEmpty()),
                bar);
        return bar;
    }

    /** Shortcuts of the batch actions, in the Runs menu. */
    static final String EXPORT_BATCH_KEY = "Shortcut+Shift+B";

    static final String IMPORT_BATCH_KEY = "Shortcut+Shift+I";
    static final String SUBMIT_BATCH_KEY = "Shortcut+Shift+U";

    private final List<MenuItem> menuItems = new java.util.ArrayList<>();

    /**
     * Adds the selected run's batch files: "Export batch file…" (its missing slots as an OpenAI batch-input file),
     * "Import batch output…" and, for a run on an OpenAI-compatible server, "Submit as batch", in a Batch button
     * beside Export… and in the Runs menu with their shortcuts.
     */
    public void showBatches(RunBatchesViewModel batches, io.siftbench.views.shell.FileDialogs dialogs) {
        javafx.beans.binding.BooleanBinding none =
                table.getSelectionModel().selectedItemProperty().isNull().or(batches.busyProperty());
        // Answers for a run generating here would race its own: import and submit wait until it stops.
        javafx.beans.binding.BooleanBinding running = Bindings.createBooleanBinding(
                () -> selected().map(r -> viewModel.isRunning(r.id())).orElse(true),
                table.getSelectionModel().selectedItemProperty(),
                viewModel.live());
        javafx.beans.binding.BooleanBinding unsubmittable = Bindings.createBooleanBinding(
                () -> selected().map(r -> !RunBatchesViewModel.submittable(r)).orElse(true),
                table.getSelectionModel().selectedItemProperty());
        Runnable export = () -> selected().ifPresent(run -> dialogs.chooseBatchFileToWrite(
                        root.getScene().getWindow(), RunBatchesViewModel.fileName(run))
                .ifPresent(file -> batches.export(run, file)));
        Runnable importOutput = () -> selected()
                .ifPresent(run -> dialogs.chooseBatchOutput(root.getScene().getWindow())
                        .ifPresent(file -> batches.importOutput(run, file)));
        Runnable submit = () -> selected().ifPresent(batches::submit);
        javafx.scene.control.MenuButton button = new javafx.scene.control.MenuButton("Batch");
        button.setId("run-batch");
        button.getItems()
                .setAll(
                        batchItem("Export batch file…", "run-batch-export", null, none, export),
                        batchItem("Import batch output…", "run-batch-import", null, none.or(running), importOutput),
                        batchItem(
                                "Submit as batch",
                                "run-batch-submit",
                                null,
                                none.or(running).or(unsubmittable),
                                submit));
        controls.getChildren().add(controls.getChildren().indexOf(this.export) + 1, button);
        menuItems.clear();
        menuItems.addAll(List.of(
                batchItem("Export batch file…", "menu-batch-export", EXPORT_BATCH_KEY, none, export),
                batchItem(
                        "Import batch output…", "menu-batch-import", IMPORT_BATCH_KEY, none.or(running), importOutput),
                batchItem(
                        "Submit as batch",
                        "menu-batch-submit",
                        SUBMIT_BATCH_KEY,
                        none.or(running).or(unsubmittable),
                        submit)));
    }

    private static MenuItem batchItem(
            String text, String id, String key, ObservableValue<Boolean> disabled, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (key != null) {
            item.setAccelerator(javafx.scene.input.KeyCombination.keyCombination(key));
        }
        item.disableProperty().bind(disabled);
        item.setOnAction(e -> action.run());
        return item;
    }

    @Override
    public List<MenuItem> menuItems() {
        return menuItems;
    }

    /** What opening a run does (a double-click, or Open in … on its row): show it on that screen. */
    public void setOnOpen(java.util.function.BiConsumer<Screen, Long> action) {
        onOpen = action;
    }

    /** What the Export… button does with the selected run: open the Export dialog (wired by the shell). */
    public void setOnExport(java.util.function.BiConsumer<javafx.stage.Window, Long> action) {
        onExport = action;
    }

    private void reselect() {
        if (selectedId != null) {
            viewModel.runs().stream()
                    .filter(r -> r.id() == selectedId)
                    .findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
    }

    private java.util.Optional<RunInfo> selected() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private void showSelected() {
        RunInfo run = table.getSelectionModel().getSelectedItem();
        if (run != null) {
            selectedId = run.id();
        }
        rerun.setDisable(run == null);
        schemaHint.show(run);
        if (endpoints != null) {
            endpoints.show(run, run != null && viewModel.isRunning(run.id()));
        }
        if (run == null) {
            resume.setDisable(true);
            cancel.setDisable(true);
            progress.setProgress(0);
            progressText.setText("Select a run");
            return;
        }
        boolean going = viewModel.isRunning(run.id());
        resume.setDisable(going || byPipeline.test(run) || !RunsViewModel.resumable(run));
        cancel.setDisable(!going);
        RunProgress live = viewModel.live().get(run.id());
        if (live != null) {
            progress.setProgress(live.total() == 0 ? 0 : (double) live.done() / live.total());
            progressText.setText(live.describe());
        } else {
            int target = run.config().target();
            progress.setProgress(target == 0 ? 0 : (double) run.samples() / target);
            progressText.setText(run.samples() + " / " + target + " samples · "
                    + run.status().id() + (run.failures() > 0 ? " · " + run.failures() + " errors" : ""));
        }
    }

    @Override
    public Screen screen() {
        return Screen.RUNS;
    }

    @Override
    public Node node() {
        return root;
    }
}
