package io.siftbench.views.runs;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunInfo;
import javafx.beans.property.Property;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;
import javafx.util.converter.LongStringConverter;

import java.util.function.Function;

/**
 * The New run dialog: every field bound to the {@link NewRunViewModel}; OK starts the run, or keeps the
 * dialog open with the reason when the form is incomplete.
 */
final class NewRunDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    NewRunDialog(Window owner, NewRunViewModel form, String title) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("new-run-dialog");
        ButtonType start = new ButtonType("Start", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);

        ComboBox<StoredVersion> version = combo("new-run-version", form.versions(), form.versionProperty(),
                v -> v.name() + " v" + v.version() + " · " + v.mode().id());
        ComboBox<BackendConfig> backend = combo("new-run-backend", form.backends(), form.backendProperty(),
                b -> b.name() + " (" + b.location() + ")");
        TextField model = new TextField();
        model.setId("new-run-model");
        model.textProperty().bindBidirectional(form.modelProperty());
        TextField temperature = numberField("new-run-temperature", new DoubleStringConverter(),
                form.temperatureProperty());
        Spinner<Integer> maxTokens = spinner("new-run-max-tokens", 1, 1_000_000, form.maxTokensProperty());
        ComboBox<DatasetInfo> dataset = combo("new-run-dataset", form.datasets(), form.datasetProperty(),
                d -> d.name() + " (" + d.rows() + " records)");
        CheckBox subset = new CheckBox("Random subset of");
        subset.setId("new-run-subset");
        subset.selectedProperty().bindBidirectional(form.randomSubsetProperty());
        Spinner<Integer> subsetSize = spinner("new-run-subset-size", 1, Integer.MAX_VALUE,
                form.subsetSizeProperty());
        subsetSize.disableProperty().bind(subset.selectedProperty().not());
        Spinner<Integer> samples = spinner("new-run-samples", 1, Integer.MAX_VALUE, form.samplesProperty());
        ComboBox<RunInfo> judged = combo("new-run-judged", form.judgeableRuns(), form.judgedProperty(),
                r -> "Run " + r.id() + " — " + r.promptName() + " v" + r.promptVersion() + ", " + r.config().mode().id()
                        + ", " + r.answered() + " answered samples");
        TextField seed = numberField("new-run-seed", new LongStringConverter(), form.seedProperty());
        Spinner<Integer> concurrency = spinner("new-run-concurrency", 1, 64, form.concurrencyProperty());
        Spinner<Integer> votes = spinner("new-run-votes", 1, 15, form.votesProperty());
        Label error = new Label();
        error.setId("new-run-error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(form.errorProperty());
        error.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(row++, new Label("Prompt version"), version);
        grid.addRow(row++, new Label("Backend"), backend);
        grid.addRow(row++, new Label("Model"), model);
        grid.addRow(row++, new Label("Temperature"), temperature);
        grid.addRow(row++, new Label("Max tokens"), maxTokens);
        Node[] annotateRows = {new Label("Dataset"), dataset, subset, subsetSize};
        grid.addRow(row++, annotateRows[0], annotateRows[1]);
        grid.addRow(row++, annotateRows[2], annotateRows[3]);
        Label samplesLabel = new Label("Samples");
        grid.addRow(row++, samplesLabel, samples);
        Label judgedLabel = new Label("Run to judge");
        grid.addRow(row++, judgedLabel, judged);
        grid.addRow(row++, new Label("Seed"), seed);
        grid.addRow(row++, new Label("Concurrency"), concurrency);
        grid.addRow(row++, new Label("Votes (self-consistency)"), votes);
        grid.add(error, 0, row, 2, 1);
        // Only the fields of the chosen version's mode are shown: a dataset means nothing to a synthesis.
        for (Node n : annotateRows) {
            n.visibleProperty().bind(form.annotatesBinding());
            n.managedProperty().bind(form.annotatesBinding());
        }
        samplesLabel.visibleProperty().bind(form.annotatesBinding().or(form.judgesBinding()).not());
        samplesLabel.managedProperty().bind(samplesLabel.visibleProperty());
        samples.visibleProperty().bind(samplesLabel.visibleProperty());
        samples.managedProperty().bind(samplesLabel.visibleProperty());
        // A judge scores another run's answered samples: that run stands where a dataset would.
        for (Node n : new Node[] {judgedLabel, judged}) {
            n.visibleProperty().bind(form.judgesBinding());
            n.managedProperty().bind(form.judgesBinding());
        }
        dialog.getDialogPane().setContent(grid);

        Button ok = (Button) dialog.getDialogPane().lookupButton(start);
        ok.setId("new-run-start");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!form.start()) {
                e.consume(); // keep the dialog open with the reason shown
            }
        });
    }

    void show() {
        dialog.show();
    }

    private static <T> ComboBox<T> combo(String id, javafx.collections.ObservableList<T> items, Property<T> value,
                                         Function<T, String> text) {
        ComboBox<T> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.valueProperty().bindBidirectional(value);
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                return null; // not editable
            }
        });
        return combo;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.ObjectProperty<Integer> value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        return spinner;
    }

    private static <T> TextField numberField(String id, StringConverter<T> converter, Property<T> value) {
        TextField field = new TextField();
        field.setId(id);
        TextFormatter<T> formatter = new TextFormatter<>(converter);
        formatter.valueProperty().bindBidirectional(value);
        field.setTextFormatter(formatter);
        return field;
    }
}
