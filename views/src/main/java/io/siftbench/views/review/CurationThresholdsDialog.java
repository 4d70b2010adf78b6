package io.siftbench.views.review;

import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.NearDuplicateMethod;
import io.siftbench.views.controls.Controls;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The curation thresholds dialog of the Review screen, every field bound to a {@link CurationThresholdsForm};
 * Apply flags the run's samples again with the new thresholds, or keeps the dialog open with the reason.
 */
final class CurationThresholdsDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    CurationThresholdsDialog(Window owner, CurationThresholdsForm form, Consumer<CurationSettings> apply) {
        dialog.initOwner(owner);
        dialog.setTitle("Curation thresholds");
        dialog.getDialogPane().setId("curation-thresholds");
        ButtonType applyType = new ButtonType("Apply", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(applyType, ButtonType.CANCEL);

        ChoiceBox<NearDuplicateMethod> method = new ChoiceBox<>();
        method.setId("thresholds-near-duplicate-method");
        method.getItems().setAll(NearDuplicateMethod.values());
        method.setConverter(Controls.shownAs(NearDuplicateMethod::title));
        method.valueProperty().bindBidirectional(form.methodProperty());
        Label error = new Label();
        error.setId("thresholds-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(form.problemProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(
                row++,
                new Label("Words, at least"),
                Controls.boundField("thresholds-min-words", "no minimum", form.minWordsProperty()));
        grid.addRow(
                row++,
                new Label("Words, at most"),
                Controls.boundField("thresholds-max-words", "no maximum", form.maxWordsProperty()));
        grid.addRow(
                row++,
                new Label("Must match (regex)"),
                Controls.boundField("thresholds-must-match", "none", form.mustMatchProperty()));
        grid.addRow(
                row++,
                new Label("Must not match (regex)"),
                Controls.boundField("thresholds-must-not-match", "none", form.mustNotMatchProperty()));
        grid.addRow(
                row++,
                new Label("Keywords"),
                Controls.boundField(
                        "thresholds-keywords", "comma-separated words or phrases", form.keywordsProperty()));
        grid.addRow(
                row++,
                new Label("Turns of a dialogue, at least"),
                Controls.boundField("thresholds-min-turns", "no minimum", form.minTurnsProperty()));
        grid.addRow(
                row++,
                new Label("Turns of a dialogue, at most"),
                Controls.boundField("thresholds-max-turns", "no maximum", form.maxTurnsProperty()));
        grid.addRow(row++, new Label("Near duplicates by"), method);
        grid.addRow(
                row++,
                new Label("Near duplicates from"),
                share("thresholds-near-duplicate", 0.01, form.nearDuplicateProperty()));
        grid.addRow(
                row++,
                new Label("Votes agree at least"),
                share("thresholds-min-agreement", 0, form.minAgreementProperty()));
        grid.addRow(
                row++,
                new Label("Warn from cosine to an accepted sample"),
                share("thresholds-too-similar", 0.01, form.tooSimilarProperty()));
        grid.add(error, 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);

        Button ok = (Button) dialog.getDialogPane().lookupButton(applyType);
        ok.setId("thresholds-apply");
        ok.addEventFilter(ActionEvent.ACTION, e -> form.settings()
                .ifPresentOrElse(apply, e::consume)); // keep the dialog open with the reason shown
    }

    void show() {
        dialog.show();
    }

    /** A spinner over [{@code min}, 1] in steps of 0.01, typed or stepped. */
    private static Spinner<Double> share(String id, double min, ObjectProperty<Double> value) {
        Spinner<Double> spinner = new Spinner<>(min, 1, value.get(), 0.01);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        return spinner;
    }
}
