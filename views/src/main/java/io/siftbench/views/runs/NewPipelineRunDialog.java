package io.siftbench.views.runs;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.views.controls.Controls;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.converter.LongStringConverter;

/**
 * The New pipeline run dialog: the settings of {@code run --pipeline}, every field bound to the
 * {@link NewPipelineRunViewModel}; the dataset only when a step annotates one, the samples only when a step
 * synthesizes from its plan. Start keeps the dialog open with the reason when the form is incomplete.
 */
final class NewPipelineRunDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    NewPipelineRunDialog(Window owner, NewPipelineRunViewModel form) {
        dialog.initOwner(owner);
        dialog.setTitle("New pipeline run");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("new-pipeline-run-dialog");
        ButtonType start = new ButtonType("Start", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);

        ComboBox<StoredPipeline> version = new ComboBox<>(form.versions());
        version.setId("new-pipeline-run-version");
        version.valueProperty().bindBidirectional(form.versionProperty());
        version.setConverter(Controls.shownAs(v ->
                v.name() + " v" + v.version() + " · " + v.pipeline().steps().size() + " steps"));
        version.setMaxWidth(Double.MAX_VALUE);
        ComboBox<DatasetInfo> dataset = new ComboBox<>(form.datasets());
        dataset.setId("new-pipeline-run-dataset");
        dataset.valueProperty().bindBidirectional(form.datasetProperty());
        dataset.setConverter(Controls.shownAs(d -> d.name() + " (" + d.rows() + " records)"));
        dataset.setMaxWidth(Double.MAX_VALUE);
        Spinner<Integer> samples =
                Controls.spinner("new-pipeline-run-samples", 1, Integer.MAX_VALUE, form.samplesProperty());
        TextField seed = Controls.numberField(
                "new-pipeline-run-seed",
                form.seedProperty(),
                new LongStringConverter(),
                TextField.DEFAULT_PREF_COLUMN_COUNT);
        Spinner<Integer> concurrency =
                Controls.spinner("new-pipeline-run-concurrency", 1, 64, form.concurrencyProperty());
        Label error = new Label();
        error.setId("new-pipeline-run-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(form.problemProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(row++, new Label("Pipeline version"), version);
        row = GenerationRows.add(grid, row, form.generation(), "new-pipeline-run");
        Label datasetLabel = new Label("Dataset");
        grid.addRow(row++, datasetLabel, dataset);
        Label samplesLabel = new Label("Samples");
        grid.addRow(row++, samplesLabel, samples);
        grid.addRow(row++, new Label("Seed"), seed);
        grid.addRow(row++, new Label("Concurrency"), concurrency);
        grid.add(error, 0, row, 2, 1);
        GenerationRows.columns(grid);
        for (Node n : new Node[] {datasetLabel, dataset}) {
            Controls.showWhen(form.needsDatasetBinding(), n);
        }
        for (Node n : new Node[] {samplesLabel, samples}) {
            Controls.showWhen(form.needsSamplesBinding(), n);
        }
        dialog.getDialogPane().setContent(grid);
        // The rows a pipeline needs come with the version chosen: the window takes the new height.
        form.versionProperty().addListener((obs, was, now) -> {
            if (dialog.getDialogPane().getScene() != null
                    && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        Button ok = (Button) dialog.getDialogPane().lookupButton(start);
        ok.setId("new-pipeline-run-start");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!form.start()) {
                e.consume();
            }
        });
    }

    void show() {
        dialog.show();
    }
}
