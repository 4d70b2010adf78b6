package io.siftbench.views.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/**
 * The text a user cannot read whole: every showing {@link Labeled} (labels, buttons, table cells, check boxes)
 * whose skin had to cut its text to make it fit, which it does by showing a shorter text with an ellipsis, unless
 * the whole text shows on hover (a tooltip of the same text, as free-text table columns have). Read on the UI
 * thread after layout. A text field, which scrolls instead, counts as cut when its text is wider than its room (and is
 * not shown whole on hover). A column of a table without a horizontal scroll bar (a constrained one) that reaches
 * past the table's right edge counts as cut too.
 */
public final class Truncation {

    private Truncation() {}

    /** "Status: compl…" for each cut text below {@code root}, as the control holds it and as it shows it. */
    public static List<String> clipped(Parent root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled
                && labeled.getText() != null
                && !labeled.getText().isEmpty()
                && !(labeled.getTooltip() != null
                        && labeled.getText().equals(labeled.getTooltip().getText()))) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text shown
                        && child.isVisible()
                        && !shown.getText().equals(labeled.getText())
                        && shown.getText().endsWith(labeled.getEllipsisString())) {
                    cut.add(labeled.getText() + " shown as " + shown.getText());
                }
            }
        }
        if (node instanceof TextField field
                && field.getText() != null
                && !field.getText().isEmpty()
                && !(field.getTooltip() != null
                        && field.getText().equals(field.getTooltip().getText()))) {
            // A field scrolls its text instead of cutting it with an ellipsis: cut is wider than the room inside.
            Text measure = new Text(field.getText());
            measure.setFont(field.getFont());
            double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
            if (field.getWidth() > 0 && measure.getLayoutBounds().getWidth() > room + 1) {
                cut.add(field.getText() + " in a field " + Math.round(room) + " px wide");
            }
        }
        if (node instanceof TableView<?> table
                && table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY
                && table.getWidth() > 0) {
            // A constrained table has no horizontal scroll bar: a column past its right edge cannot be seen at all.
            double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
            double right = 0;
            for (TableColumn<?, ?> column : table.getVisibleLeafColumns()) {
                right += column.getWidth();
                if (right > room + 2) {
                    cut.add("column " + column.getText() + " ends at " + Math.round(right) + " px of a table "
                            + Math.round(room) + " px wide");
                }
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }
}
