package io.siftbench.views.prompts;

import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.project.JudgeableRuns;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The studio's "Rendered prompt" tab: what the draft is rendered against (a sample record and a value combination,
 * or for a judge a sample of the run to judge), the rendered system and user messages, and what is wrong with the
 * draft, all following every edit.
 */
final class RenderedPromptPane extends VBox {

    RenderedPromptPane(PromptStudioViewModel viewModel) {
        super(6);
        PromptDraft draft = viewModel.draft();
        LivePreview live = viewModel.livePreview();
        TextArea system = PromptStudioView.readOnly("rendered-system", 3);
        system.textProperty().bind(live.renderedSystemProperty());
        TextArea user = PromptStudioView.readOnly("rendered-user", 8);
        user.textProperty().bind(live.renderedUserProperty());
        TextArea record = new TextArea();
        record.setId("sample-record");
        record.setPrefRowCount(2);
        record.textProperty().bindBidirectional(live.sampleRecordProperty());
        record.disableProperty().bind(draft.modeProperty().isEqualTo(PromptMode.SYNTHESIZE));
        Label combination = new Label();
        combination.setId("preview-combination");
        combination.textProperty().bind(live.combinationTextProperty());
        Button previous = new Button("◀");
        previous.setOnAction(e -> live.previousCombination());
        Button next = new Button("▶");
        next.setOnAction(e -> live.nextCombination());
        Button random = new Button("Random");
        random.setOnAction(e -> live.randomCombination());
        ListView<String> problems = new ListView<>(live.problems());
        problems.setId("prompt-problems");
        problems.setPrefHeight(70);
        Label recordTitle = new Label("Sample record (columns as JSON)");
        // The buttons keep their text; the combination shown wraps below them when the pane is narrow.
        Label combinationTitle = new Label("Combination");
        for (javafx.scene.layout.Region r : List.of(combinationTitle, previous, next, random)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        combination.setWrapText(true);
        combination.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox combinationRow = new HBox(6, combinationTitle, previous, next, random, combination);
        combinationRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Node judgedRow = judgedRow(viewModel.judged());
        // A judge is rendered against a sample of another run, with that sample's record and condition values.
        BooleanBinding judges = draft.modeProperty().isEqualTo(PromptMode.JUDGE);
        Controls.showWhen(judges.not(), recordTitle, record, combinationRow);
        Controls.showWhen(judges, judgedRow);
        getChildren()
                .setAll(
                        recordTitle,
                        record,
                        combinationRow,
                        judgedRow,
                        new Label("System"),
                        system,
                        new Label("User"),
                        user,
                        problems);
        getStyleClass().add("pane");
    }

    /** The run to judge, and which of its first answered samples the judge draft is rendered against. */
    private static Node judgedRow(JudgedSampleChoice choice) {
        ComboBox<RunInfo> run = new ComboBox<>(choice.runs());
        run.setId("judged-run");
        run.setPromptText("the run to judge");
        run.setConverter(Controls.shownAs(JudgeableRuns::text));
        run.valueProperty().bindBidirectional(choice.runProperty());
        run.setOnShowing(e -> choice.loadRuns());
        Button previous = new Button("◀");
        previous.setId("judged-previous");
        previous.setOnAction(e -> choice.previous());
        Button next = new Button("▶");
        next.setId("judged-next");
        next.setOnAction(e -> choice.next());
        Label shown = new Label();
        shown.setId("judged-sample");
        shown.setWrapText(true);
        shown.textProperty().bind(choice.textProperty());
        HBox.setHgrow(shown, Priority.ALWAYS);
        HBox stepper = new HBox(6, previous, next, shown);
        stepper.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, Controls.toolbar(6, new Label("Run to judge"), run), stepper);
    }
}
