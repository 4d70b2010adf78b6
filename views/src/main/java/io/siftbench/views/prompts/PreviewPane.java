package io.siftbench.views.prompts;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.runs.Sample;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The studio's "Preview 5" tab: backend and dataset, a record to render the prompt against, the button and
 * its cancel, and the samples as they came.
 */
final class PreviewPane extends BorderPane {

    PreviewPane(PreviewViewModel viewModel) {
        ComboBox<BackendConfig> backend = new ComboBox<>(viewModel.backends());
        backend.setId("preview-backend");
        backend.valueProperty().bindBidirectional(viewModel.backendProperty());
        backend.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackendConfig b) {
                return b == null ? "" : b.name() + " · " + b.model();
            }

            @Override
            public BackendConfig fromString(String text) {
                return null; // not editable
            }
        });
        backend.setOnShowing(e -> viewModel.loadBackends());
        TextField dataset = new TextField();
        dataset.setId("preview-dataset");
        dataset.setPromptText("dataset (default: the demonstrations')");
        dataset.textProperty().bindBidirectional(viewModel.datasetProperty());
        Button run = new Button("Preview " + PreviewViewModel.SAMPLES);
        run.setId("preview-run");
        run.disableProperty().bind(viewModel.runningProperty());
        run.setOnAction(e -> viewModel.preview());
        Button cancel = new Button("Cancel");
        cancel.setId("preview-cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        Label message = new Label();
        message.setId("preview-message");
        message.textProperty().bind(viewModel.messageProperty());
        TextField record = new TextField();
        record.setId("preview-record");
        record.setPromptText("record id");
        record.setPrefColumnCount(6);
        record.textProperty().bindBidirectional(viewModel.recordIdProperty());
        Button useRecord = new Button("Use record");
        useRecord.setId("preview-use-record");
        useRecord.setOnAction(e -> viewModel.useRecord());
        record.setOnAction(e -> viewModel.useRecord());
        HBox bar = new HBox(8, backend, dataset, record, useRecord, run, cancel, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        ListView<Sample> samples = new ListView<>(viewModel.samples());
        samples.setId("preview-samples");
        samples.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Sample sample, boolean empty) {
                super.updateItem(sample, empty);
                setText(empty || sample == null ? null : PreviewViewModel.describe(sample));
                setWrapText(true);
            }
        });
        setTop(bar);
        setCenter(samples);
        viewModel.loadBackends();
    }
}
