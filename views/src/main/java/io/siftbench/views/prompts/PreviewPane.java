package io.siftbench.views.prompts;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.project.SchemaStyleHint;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.converter.DoubleStringConverter;

/**
 * The studio's "Preview 5" tab: backend, model (the backend's unless typed), temperature and max tokens,
 * dataset, a record to render the prompt against, the button and its cancel, the likely cause of mostly invalid
 * outputs with its fix, and the samples as they came.
 */
final class PreviewPane extends BorderPane {

    PreviewPane(PreviewViewModel viewModel) {
        ComboBox<BackendConfig> backend = new ComboBox<>(viewModel.generation().backends());
        backend.setId("preview-backend");
        backend.valueProperty().bindBidirectional(viewModel.generation().backendProperty());
        backend.setConverter(Controls.shownAs(b -> b.name() + " (" + b.location() + ")"));
        backend.setOnShowing(e -> viewModel.loadBackends());
        TextField model = Controls.boundField(
                "preview-model", "model", viewModel.generation().modelProperty());
        model.setPrefColumnCount(10);
        TextField temperature = Controls.numberField(
                "preview-temperature", viewModel.generation().temperatureProperty(), new DoubleStringConverter(), 4);
        Spinner<Integer> maxTokens = Controls.spinner(
                "preview-max-tokens", 1, 1_000_000, viewModel.generation().maxTokensProperty());
        maxTokens.setPrefWidth(100);
        // Chosen from the project's datasets, not typed; none chosen stands for the demonstrations' dataset.
        ComboBox<String> dataset =
                Controls.chooser("preview-dataset", viewModel.datasetChoices().names(), viewModel.datasetProperty());
        dataset.setConverter(Controls.shownAs(name -> name.isEmpty() ? "the demonstrations' dataset" : name));
        dataset.setOnShowing(e -> viewModel.datasetChoices().reload());
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
        Label judged = new Label("judges the first " + PreviewViewModel.SAMPLES
                + " answered samples of the run to judge (Rendered prompt)");
        // A judge takes its inputs from the run to judge: no dataset, no record.
        Controls.showWhen(viewModel.judgesBinding().not(), dataset, record, useRecord);
        Controls.showWhen(viewModel.judgesBinding(), judged);
        FlowPane bar = Controls.toolbar(
                8,
                backend,
                model,
                new Label("temperature"),
                temperature,
                new Label("max tokens"),
                maxTokens,
                dataset,
                record,
                useRecord,
                judged,
                run,
                cancel,
                message);
        bar.setPadding(new Insets(6));

        Label hint = new Label();
        hint.setId("preview-schema-hint");
        hint.setWrapText(true);
        hint.textProperty().bind(viewModel.schemaHintProperty());
        Button fix = new Button(SchemaStyleHint.FIX);
        fix.setId("preview-schema-fix");
        fix.disableProperty().bind(viewModel.runningProperty());
        fix.setOnAction(e -> viewModel.sendSchemaAsJsonObject());
        FlowPane hintBar = Controls.toolbar(8, hint, fix);
        hintBar.setPadding(new Insets(0, 6, 6, 6));
        Controls.showWhen(viewModel.schemaHintProperty().isNotEmpty(), hintBar);

        ListView<Sample> samples = new ListView<>(viewModel.samples());
        samples.setId("preview-samples");
        // Samples of an earlier draft stay readable but faded; the message says why.
        samples.opacityProperty()
                .bind(Bindings.when(viewModel.staleProperty()).then(0.5).otherwise(1.0));
        samples.setCellFactory(list -> new ListCell<>() {
            {
                // Wrapped to the list's width, so that each cell is as tall as all of its lines.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Sample sample, boolean empty) {
                super.updateItem(sample, empty);
                setText(empty || sample == null ? null : PreviewViewModel.describe(sample));
            }
        });
        setTop(new VBox(bar, hintBar));
        setCenter(samples);
        viewModel.loadBackends();
    }
}
