package io.siftbench.views.runs;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.project.JudgeableRuns;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.converter.LongStringConverter;

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

        ComboBox<StoredVersion> version = combo(
                "new-run-version",
                form.versions(),
                form.versionProperty(),
                v -> v.name() + " v" + v.version() + " · " + v.mode().id());
        ComboBox<DatasetInfo> dataset = combo(
                "new-run-dataset",
                form.datasets(),
                form.datasetProperty(),
                d -> d.name() + " (" + d.rows() + " records)");
        CheckBox filter = new CheckBox("Only records where");
        filter.setId("new-run-filter");
        filter.selectedProperty().bindBidirectional(form.filterProperty());
        ComboBox<String> filterColumn =
                combo("new-run-filter-column", form.filterColumns(), form.filterColumnProperty(), c -> c);
        filterColumn.setPromptText("column");
        filterColumn.setMinWidth(140); // room for a column's name, not "categ…"
        TextField filterValue = new TextField();
        filterValue.setId("new-run-filter-value");
        filterValue.setPromptText("value");
        filterValue.textProperty().bindBidirectional(form.filterValueProperty());
        HBox where = new HBox(6, filterColumn, new Label("="), filterValue);
        where.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(filterValue, Priority.ALWAYS);
        where.disableProperty().bind(filter.selectedProperty().not());
        Label matching = new Label();
        matching.setId("new-run-matching");
        matching.textProperty().bind(form.matchingProperty());
        CheckBox subset = new CheckBox("Random subset of");
        subset.setId("new-run-subset");
        subset.selectedProperty().bindBidirectional(form.randomSubsetProperty());
        Spinner<Integer> subsetSize =
                Controls.spinner("new-run-subset-size", 1, Integer.MAX_VALUE, form.subsetSizeProperty());
        subsetSize.disableProperty().bind(subset.selectedProperty().not());
        Spinner<Integer> samples = Controls.spinner("new-run-samples", 1, Integer.MAX_VALUE, form.samplesProperty());
        ComboBox<RunInfo> judged =
                combo("new-run-judged", form.judgeableRuns(), form.judgedProperty(), JudgeableRuns::text);
        TextField seed = Controls.numberField(
                "new-run-seed", form.seedProperty(), new LongStringConverter(), TextField.DEFAULT_PREF_COLUMN_COUNT);
        Spinner<Integer> concurrency = Controls.spinner("new-run-concurrency", 1, 64, form.concurrencyProperty());
        Spinner<Integer> votes = Controls.spinner("new-run-votes", 1, 15, form.votesProperty());
        Label error = new Label();
        error.setId("new-run-error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(form.problemProperty());
        error.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(row++, new Label("Prompt version"), version);
        row = GenerationRows.add(grid, row, form.generation(), "new-run");
        Label datasetLabel = new Label("Dataset");
        grid.addRow(row++, datasetLabel, dataset);
        grid.addRow(row++, filter, where);
        grid.add(matching, 1, row++);
        grid.addRow(row++, subset, subsetSize);
        Node[] annotateRows = {datasetLabel, dataset, filter, where, matching, subset, subsetSize};
        Label samplesLabel = new Label("Samples");
        grid.addRow(row++, samplesLabel, samples);
        Label judgedLabel = new Label("Run to judge");
        grid.addRow(row++, judgedLabel, judged);
        grid.addRow(row++, new Label("Seed"), seed);
        grid.addRow(row++, new Label("Concurrency"), concurrency);
        grid.addRow(row++, new Label("Votes (self-consistency)"), votes);
        // What starting costs, before it is started: the calls, and the time at the backend's measured speed.
        Label estimate = new Label();
        estimate.setId("new-run-estimate");
        estimate.setWrapText(true);
        estimate.textProperty().bind(form.estimateProperty());
        grid.add(estimate, 0, row++, 2, 1);
        grid.add(error, 0, row, 2, 1);
        GenerationRows.columns(grid);
        // Only the fields of the chosen version's mode are shown: a dataset means nothing to a synthesis.
        for (Node n : annotateRows) {
            n.visibleProperty().bind(form.annotatesBinding());
            n.managedProperty().bind(form.annotatesBinding());
        }
        samplesLabel
                .visibleProperty()
                .bind(form.annotatesBinding().or(form.judgesBinding()).not());
        samplesLabel.managedProperty().bind(samplesLabel.visibleProperty());
        samples.visibleProperty().bind(samplesLabel.visibleProperty());
        samples.managedProperty().bind(samplesLabel.visibleProperty());
        // A judge scores another run's answered samples: that run stands where a dataset would.
        for (Node n : new Node[] {judgedLabel, judged}) {
            n.visibleProperty().bind(form.judgesBinding());
            n.managedProperty().bind(form.judgesBinding());
        }
        dialog.getDialogPane().setContent(grid);
        // The rows of one mode replace the other's when the chosen version arrives (the form loads in the
        // background) or changes: the window takes the new height, or Start would end up below its edge.
        samplesLabel.visibleProperty().addListener((obs, was, now) -> {
            Scene scene = dialog.getDialogPane().getScene();
            if (scene != null && scene.getWindow() != null) {
                scene.getWindow().sizeToScene();
            }
        });

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

    private static <T> ComboBox<T> combo(
            String id, javafx.collections.ObservableList<T> items, Property<T> value, Function<T, String> text) {
        ComboBox<T> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.valueProperty().bindBidirectional(value);
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setConverter(Controls.shownAs(text));
        return combo;
    }
}
