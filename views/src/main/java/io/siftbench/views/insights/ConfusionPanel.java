package io.siftbench.views.insights;

import io.siftbench.model.insights.ConfusedPair;
import io.siftbench.model.insights.ConfusionMatrix;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A run's agreement with gold as it reads with dozens of labels: the most confused pairs ranked, then the matrix
 * in a box of its own that scrolls, so that a matrix of 77 labels never widens the page. The columns are numbered
 * and the row headers say which label each number is, since a column is too narrow for a label's name.
 */
final class ConfusionPanel {

    /** How many confused pairs the ranked list shows. */
    private static final int RANKED = 10;

    private ConfusionPanel() {}

    static Node of(ConfusionMatrix matrix) {
        ScrollPane box = new ScrollPane(matrix(matrix));
        box.getStyleClass().add("confusion-box");
        box.setMaxHeight(420);
        // Not the matrix's width: the box takes the width the page gives it and scrolls the rest.
        box.setPrefWidth(0);
        box.setMaxWidth(Double.MAX_VALUE);
        return new VBox(8, ranked(matrix.mostConfused(RANKED)), box);
    }

    /** The ranked pairs and the whole matrix, for a picture of it. */
    static Node unscrolled(ConfusionMatrix matrix) {
        return new VBox(8, ranked(matrix.mostConfused(RANKED)), matrix(matrix));
    }

    /**
     * Rank, gold label over "→ predicted label", the count and the share of the gold label's items, a row each: the
     * two labels one above the other, so that two runs' lists fit side by side with banking77's longest names.
     */
    private static Node ranked(List<ConfusedPair> pairs) {
        if (pairs.isEmpty()) {
            return new Label("no confused pairs: every label agrees with gold");
        }
        GridPane list = new GridPane();
        list.getStyleClass().add("confused-pairs");
        list.addRow(
                0, new Label("#"), new Label("most confused: gold → model"), new Label("items"), new Label("of gold"));
        list.getChildren().forEach(heading -> heading.getStyleClass().add("metric-name"));
        for (int i = 0; i < pairs.size(); i++) {
            ConfusedPair pair = pairs.get(i);
            int row = i + 1;
            list.add(whole(row + "."), 0, row);
            VBox labels = new VBox(whole(pair.gold()), whole("→ " + pair.predicted()));
            labels.getStyleClass().add("confused-labels");
            list.add(labels, 1, row);
            list.add(whole(String.valueOf(pair.count())), 2, row);
            list.add(whole(String.format(Locale.ROOT, "%.0f%%", 100 * pair.share())), 3, row);
        }
        list.setId("confused-pairs");
        return list;
    }

    /** The heat map: row headers "n · label", column headers n, each with the label as its tooltip. */
    private static Node matrix(ConfusionMatrix matrix) {
        List<String> labels = matrix.labels();
        long[][] counts = matrix.counts();
        long max = 0;
        for (long[] row : counts) {
            for (long count : row) {
                max = Math.max(max, count);
            }
        }
        GridPane table = new GridPane();
        table.getStyleClass().add("heatmap");
        for (int i = 0; i < labels.size(); i++) {
            Label column = whole(String.valueOf(i + 1));
            column.setTooltip(new Tooltip(labels.get(i)));
            table.add(column, i + 1, 0);
            table.add(whole((i + 1) + " · " + labels.get(i)), 0, i + 1);
            for (int j = 0; j < labels.size(); j++) {
                long n = counts[i][j];
                table.add(HeatTables.shade(new Label(String.valueOf(n)), n, max, false), j + 1, i + 1);
            }
        }
        return table;
    }

    /** A label never cut short: the box scrolls instead. */
    private static Label whole(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
