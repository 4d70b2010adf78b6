package io.siftbench.views.prompts;

import io.siftbench.model.prompts.JudgeScale;
import io.siftbench.views.controls.Controls;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * A judge's scale: a score from a lowest to a highest number, or pass/fail. The numbers are kept as typed; the
 * studio lists what is wrong with them (the draft's problems) and saves nothing until they are numbers in order.
 */
final class ScaleEditor extends HBox {

    ScaleEditor(ScaleDraft scale) {
        super(6);
        setId("judge-scale");
        ComboBox<JudgeScale.Kind> kind = new ComboBox<>();
        kind.setId("scale-kind");
        kind.getItems().setAll(JudgeScale.Kind.values());
        kind.setConverter(Controls.shownAs(k -> k == JudgeScale.Kind.SCORE ? "score" : "pass / fail"));
        kind.valueProperty().bindBidirectional(scale.kindProperty());
        TextField min = Controls.boundField("scale-min", "lowest", scale.minProperty());
        TextField max = Controls.boundField("scale-max", "highest", scale.maxProperty());
        Label from = new Label("from");
        Label to = new Label("to");
        min.setPrefColumnCount(4);
        max.setPrefColumnCount(4);
        // Pass/fail has no numbers: a pass reads as 1, a fail as 0.
        Controls.showWhen(scale.kindProperty().isEqualTo(JudgeScale.Kind.SCORE), from, min, to, max);
        getChildren().addAll(kind, from, min, to, max);
    }
}
