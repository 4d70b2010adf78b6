package io.siftbench.views.insights;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** The cells of the heat maps (the confusion matrix, the condition coverage), shaded by their count. */
final class HeatTables {

    private HeatTables() {}

    /** A heat cell: the darker, the more samples; an empty cell is marked as such rather than just pale. */
    static Node shade(Label label, long value, long max, boolean markedEmpty) {
        StackPane cell = new StackPane(label);
        cell.getStyleClass().add(markedEmpty ? "heat-empty" : "heat-cell");
        if (!markedEmpty) {
            double share = max == 0 ? 0 : (double) value / max;
            cell.setStyle(
                    String.format(Locale.ROOT, "-fx-background-color: rgba(33, 102, 172, %.2f);", 0.1 + 0.8 * share));
        }
        return cell;
    }
}
