package io.siftbench.views.insights;

import io.siftbench.model.insights.SampleStatus;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;

/**
 * One colour per status in every chart, whatever statuses a run has: a chart colours its series by their order
 * (default-color0, 1, …), so a run without accepted samples would draw its rejected ones in accepted's colour.
 * Each status's series gets the style class {@code status-WORD} instead, coloured in {@code insights.css}.
 */
final class StatusColours {

    private StatusColours() {}

    static String styleClass(SampleStatus status) {
        return "status-" + status.word();
    }

    /** Colours {@code series} of {@code chart}, already added to it, as {@code status}: its bars or points and its legend. */
    static void paint(XYChart<?, ?> chart, XYChart.Series<?, ?> series, SampleStatus status) {
        String style = styleClass(status);
        for (XYChart.Data<?, ?> data : series.getData()) {
            if (data.getNode() != null) {
                data.getNode().getStyleClass().add(style);
            }
            data.nodeProperty().addListener((obs, was, now) -> {
                if (now != null && !now.getStyleClass().contains(style)) {
                    now.getStyleClass().add(style);
                }
            });
        }
        for (Node item : chart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label legend
                    && series.getName().equals(legend.getText())
                    && legend.getGraphic() != null) {
                legend.getGraphic().getStyleClass().add(style);
            }
        }
    }
}
