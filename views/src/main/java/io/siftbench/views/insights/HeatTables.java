package io.siftbench.views.insights;

import io.siftbench.model.insights.ConfusionMatrix;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

/** Tables of counts shaded as heat maps: the confusion matrix, and the cells of the condition coverage. */
final class HeatTables {

    private HeatTables() {}

    static Node confusion(ConfusionMatrix matrix) {
        GridPane table = new GridPane();
        table.getStyleClass().add("heatmap");
        long max = 0;
        for (long[] row : matrix.counts()) {
            for (long count : row) {
                max = Math.max(max, count);
            }
        }
        List<String> labels = matrix.labels();
        for (int i = 0; i < labels.size(); i++) {
            table.add(new Label(labels.get(i)), i + 1, 0);
            table.add(new Label(labels.get(i)), 0, i + 1);
            for (int j = 0; j < labels.size(); j++) {
                long n = matrix.counts()[i][j];
                table.add(shade(new Label(String.valueOf(n)), n, max, false), j + 1, i + 1);
            }
        }
        return table;
    }

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
