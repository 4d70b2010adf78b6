package io.siftbench.views.export;

import io.siftbench.model.export.ExportFormat;
import io.siftbench.model.export.ExportStatus;
import io.siftbench.views.controls.Controls;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Export dialog, opened from the Review and Runs screens: format, statuses, filters, split, leakage
 * options and output file. The export runs in the background; the dialog stays open to show its progress
 * and then what was written and how many records the leakage guard left out.
 */
public final class ExportDialog {

    private final Dialog<Void> dialog = new Dialog<>();
    private final ExportViewModel viewModel;

    public ExportDialog(Window owner, ExportViewModel viewModel) {
        this.viewModel = viewModel;
        dialog.initOwner(owner);
        dialog.setTitle("Export run(s) " + viewModel.runs());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("export-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        ChoiceBox<ExportFormat> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.setConverter(Controls.shownAs(ExportFormat::id));
        format.valueProperty().bindBidirectional(viewModel.formatProperty());

        ChoiceBox<ExportStatus> status = new ChoiceBox<>();
        status.setId("export-status");
        status.getItems().setAll(ExportStatus.values());
        status.setConverter(Controls.shownAs(s -> s == ExportStatus.ACCEPTED ? "accepted and edited" : "all samples"));
        status.valueProperty().bindBidirectional(viewModel.statusProperty());

        CheckBox negatives = check(
                "export-negatives",
                "Also write the rejected samples, as negatives",
                viewModel.rejectedAsNegativesProperty());
        TextField labels =
                Controls.boundField("export-labels", "card_arrival, pin_blocked", viewModel.labelsProperty());
        TextField conditions =
                Controls.boundField("export-conditions", "tone=angry, length=short", viewModel.conditionsProperty());
        TextField flags = Controls.boundField("export-flags", "invalid, label-doubt", viewModel.flagsProperty());
        TextField minTurns = Controls.boundField("export-min-turns", "at least", viewModel.minTurnsProperty());
        TextField maxTurns = Controls.boundField("export-max-turns", "at most", viewModel.maxTurnsProperty());
        minTurns.setPrefColumnCount(6);
        maxTurns.setPrefColumnCount(6);

        CheckBox split = check("export-split", "Split train / validation / test", viewModel.splitProperty());
        TextField shares = Controls.boundField("export-shares", "0.8,0.1,0.1", viewModel.sharesProperty());
        TextField seed = Controls.boundField("export-seed", "0", viewModel.seedProperty());
        shares.disableProperty().bind(split.selectedProperty().not());
        seed.disableProperty().bind(split.selectedProperty().not());
        seed.setPrefColumnCount(6);

        CheckBox keep = check(
                "export-keep-demonstrations",
                "Keep records that were demonstrations in their run",
                viewModel.keepDemonstrationsProperty());
        ComboBox<String> evaluation = new ComboBox<>(viewModel.datasets());
        evaluation.setId("export-evaluation");
        evaluation.valueProperty().bindBidirectional(viewModel.evaluationDatasetProperty());

        TextField out = new TextField();
        out.setId("export-out");
        out.setText(String.valueOf(viewModel.outProperty().get()));
        viewModel.outProperty().addListener((obs, was, now) -> out.setText(now == null ? "" : now.toString()));
        out.textProperty().addListener((obs, was, now) -> {
            if (!now.isBlank()
                    && !now.equals(String.valueOf(viewModel.outProperty().get()))) {
                viewModel.outProperty().set(Path.of(now.strip()));
            }
        });
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseFile());
        HBox.setHgrow(out, Priority.ALWAYS);
        // A deep folder's path is longer than any dialog is wide: the whole of it shows on hover.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(out.textProperty());
        out.setTooltip(whole);

        Button export = new Button("Export");
        export.setId("export-run");
        export.setDefaultButton(true);
        export.disableProperty().bind(viewModel.runningProperty());
        export.setOnAction(e -> viewModel.export());
        ProgressBar progress = new ProgressBar();
        progress.setId("export-progress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label outcome = new Label();
        outcome.setId("export-outcome");
        outcome.setWrapText(true);
        // A wrapped label in a grid is given one line unless it asks for its height, and the dialog keeps the size
        // it opened with: the outcome (two or three lines) would end in "…" at the bottom edge.
        outcome.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        outcome.textProperty()
                .addListener((obs, was, now) -> javafx.application.Platform.runLater(() -> {
                    Window window = dialog.getDialogPane().getScene() == null
                            ? null
                            : dialog.getDialogPane().getScene().getWindow();
                    if (window != null) {
                        window.sizeToScene();
                    }
                }));
        outcome.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.problemProperty().get() != null
                                ? viewModel.problemProperty().get().heading() + ": "
                                        + viewModel.problemProperty().get().message()
                                : viewModel.outcomeProperty().get(),
                        viewModel.problemProperty(),
                        viewModel.outcomeProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        grid.addRow(row++, new Label("Format"), format);
        grid.addRow(row++, new Label("Samples"), status);
        grid.add(negatives, 1, row++);
        grid.addRow(row++, new Label("Labels"), labels);
        grid.addRow(row++, new Label("Conditions"), conditions);
        grid.addRow(row++, new Label("Flags"), flags);
        grid.addRow(row++, new Label("Turns of a dialogue"), new HBox(8, minTurns, maxTurns));
        grid.add(split, 1, row++);
        grid.addRow(row++, new Label("Shares, seed"), new HBox(8, shares, seed));
        grid.add(keep, 1, row++);
        grid.addRow(row++, new Label("Evaluation set"), evaluation);
        grid.addRow(row++, new Label("Output file"), new HBox(8, out, browse));
        grid.addRow(row++, export, progress);
        grid.add(outcome, 0, row, 2, 1);
        GridPane.setHgrow(progress, Priority.ALWAYS);
        // Wide enough for a file's path in a project folder, and the outcome in two lines.
        grid.setPrefWidth(760);
        dialog.getDialogPane().setContent(grid);
    }

    /**
     * Opens the dialog for one run of the project open at the time: what the Review and Runs screens'
     * Export… buttons do.
     */
    public static java.util.function.BiConsumer<Window, Long> opener(
            javafx.beans.value.ObservableValue<io.siftbench.model.export.ExportSources> sources,
            io.siftbench.views.task.TaskExecutor tasks) {
        return (owner, run) -> {
            if (sources.getValue() != null) {
                new ExportDialog(owner, new ExportViewModel(sources.getValue(), tasks, java.util.List.of(run))).show();
            }
        };
    }

    public void show() {
        dialog.show();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export to");
        Path current = viewModel.outProperty().get();
        if (current != null) {
            File folder = current.toAbsolutePath().getParent().toFile();
            if (folder.isDirectory()) {
                chooser.setInitialDirectory(folder);
            }
            chooser.setInitialFileName(current.getFileName().toString());
        }
        File chosen = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
        if (chosen != null) {
            viewModel.outProperty().set(chosen.toPath());
        }
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }
}
