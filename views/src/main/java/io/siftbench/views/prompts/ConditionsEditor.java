package io.siftbench.views.prompts;

import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.ConditionValue;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The conditions of the draft: a switch per condition and per value, weights, and adding, renaming,
 * reordering, duplicating, removing and pasting values. Rebuilt from the view model's list on every
 * change, since each edit replaces an immutable condition.
 */
final class ConditionsEditor extends VBox {

    private final PromptDraft viewModel;

    ConditionsEditor(PromptDraft viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("conditions-editor");
        setSpacing(10);
        viewModel.conditions().addListener((ListChangeListener<Condition>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (int i = 0; i < viewModel.conditions().size(); i++) {
            getChildren().add(condition(i, viewModel.conditions().get(i)));
        }
        TextField newName = new TextField();
        newName.setId("condition-new-name");
        newName.setPromptText("new condition name");
        Button add = new Button("Add condition");
        add.setId("condition-add");
        add.setOnAction(e -> viewModel.addCondition(newName.getText()));
        newName.setOnAction(add.getOnAction());
        getChildren().add(new HBox(6, newName, add));
    }

    private VBox condition(int c, Condition condition) {
        String id = "condition-" + c;
        CheckBox on = new CheckBox();
        on.setId(id + "-on");
        on.setSelected(condition.isOn());
        on.setTooltip(new Tooltip("Switch the condition on or off"));
        on.selectedProperty().addListener((obs, was, now) -> viewModel.switchCondition(c, now));
        TextField name = committing(condition.name(), text -> viewModel.editCondition(c, x -> x.renamed(text)));
        name.setId(id + "-name");
        HBox.setHgrow(name, Priority.ALWAYS);
        Button remove = iconButton("mdal-close", "Remove the condition", () -> viewModel.removeCondition(c));
        VBox box = new VBox(4, new HBox(6, on, name, remove));
        box.getStyleClass().add("condition");
        for (int v = 0; v < condition.values().size(); v++) {
            box.getChildren()
                    .add(value(
                            c, v, condition.values().get(v), condition.values().size()));
        }
        TextArea paste = new TextArea();
        paste.setId(id + "-paste");
        paste.setPromptText("Add values, one per line");
        paste.setPrefRowCount(2);
        Button add = button(
                "Add values",
                "Add each line as a value",
                () -> viewModel.editCondition(c, x -> x.pasteValues(paste.getText())));
        add.setId(id + "-paste-add");
        box.getChildren().addAll(paste, add);
        return box;
    }

    private HBox value(int c, int v, ConditionValue value, int count) {
        String id = "condition-" + c + "-value-" + v;
        CheckBox on = new CheckBox();
        on.setId(id + "-on");
        on.setSelected(value.isOn());
        on.selectedProperty().addListener((obs, was, now) -> viewModel.switchValue(c, v, now));
        TextField text = committing(value.value(), t -> viewModel.renameValue(c, v, t));
        text.setId(id);
        HBox.setHgrow(text, Priority.ALWAYS);
        TextField weight = committing(formatWeight(value.weight()), t -> {
            try {
                viewModel.weighValue(c, v, Double.parseDouble(t.strip()));
            } catch (NumberFormatException e) {
                viewModel.weighValue(c, v, Double.NaN);
            }
        });
        weight.setId(id + "-weight");
        weight.setPrefColumnCount(2);
        // The value's name gives way first, so a weight stays readable; a weight needs no more than its room.
        weight.setMinWidth(Region.USE_PREF_SIZE);
        weight.setMaxWidth(Region.USE_PREF_SIZE);
        weight.setTooltip(new Tooltip("Weight in random plans"));
        Button up = iconButton(
                "mdal-arrow_upward", "Move up", () -> viewModel.editCondition(c, x -> x.moveValue(v, v - 1)));
        up.setDisable(v == 0);
        Button down = iconButton(
                "mdal-arrow_downward", "Move down", () -> viewModel.editCondition(c, x -> x.moveValue(v, v + 1)));
        down.setDisable(v == count - 1);
        Button duplicate = iconButton(
                "mdal-content_copy", "Duplicate", () -> viewModel.editCondition(c, x -> x.duplicateValue(v)));
        Button remove = iconButton("mdal-close", "Remove", () -> viewModel.editCondition(c, x -> x.removeValue(v)));
        HBox row = new HBox(4, on, text, weight, up, down, duplicate, remove);
        row.getStyleClass().add("condition-value");
        return row;
    }

    private static String formatWeight(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }

    /** A field that hands its text over on Enter or when it loses focus, and only if it changed. */
    private static TextField committing(String initial, Consumer<String> commit) {
        TextField field = new TextField(initial);
        Runnable hand = () -> {
            if (!field.getText().equals(initial)) {
                commit.accept(field.getText());
            }
        };
        field.setOnAction(e -> hand.run());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                hand.run();
            }
        });
        return field;
    }

    /**
     * A button showing an icon (the theme's font has no glyph for some symbols, such as a copy sign), never
     * squeezed below its size.
     */
    private static Button iconButton(String icon, String tip, Runnable action) {
        Button b = button("", tip, action);
        b.setGraphic(new FontIcon(icon));
        // Square and flat: four of them beside a value leave the value's own text the room to read whole.
        b.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
