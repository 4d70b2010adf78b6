package io.siftbench.views.insights;

import io.siftbench.model.student.Reliability;
import io.siftbench.model.student.UtilityReport;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** The charts of a student's utility and of calibration: the learning curve and the reliability diagram. */
final class StudentCharts {

    private StudentCharts() {}

    /** One run's reliability: its name (with its ECE, in the legend) and its bins. */
    record Reliable(String name, double ece, List<Reliability.Bin> bins) {}

    /**
     * Accuracy against the samples trained on (25%, 50% and all of each run's set), a line per run; the few-shot
     * baseline and the ceiling as flat lines across, as they learnt from other data.
     */
    static Node curve(UtilityLayout layout) {
        LineChart<Number, Number> chart =
                chart(new NumberAxis(), "samples trained on", "accuracy on the test items", 300);
        int most = 1;
        for (int i = 0; i < layout.runs().size(); i++) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(UtilityLayout.named(layout.runs().get(i)));
            for (UtilityReport.CurvePoint point :
                    layout.evaluated().answers().get(i).report().curve()) {
                series.getData()
                        .add(new XYChart.Data<>(
                                point.samples(), point.accuracy().value()));
                most = Math.max(most, point.samples());
            }
            chart.getData().add(series);
        }
        UtilityReport first = layout.evaluated().answers().get(0).report();
        if (first.fewShot() != null) {
            chart.getData()
                    .add(flat("few-shot baseline", first.fewShot().accuracy().value(), most));
        }
        if (first.ceiling() != null) {
            chart.getData()
                    .add(flat(
                            "ceiling (gold training set)",
                            first.ceiling().accuracy().value(),
                            most));
        }
        return chart;
    }

    /** A line chart over {@code x}, its y axis a share from 0 to 1. */
    private static LineChart<Number, Number> chart(NumberAxis x, String xLabel, String yLabel, double height) {
        x.setLabel(xLabel);
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setLabel(yLabel);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setPrefHeight(height);
        return chart;
    }

    private static void guide(LineChart<Number, Number> chart, XYChart.Series<Number, Number> series) {
        chart.getData().add(series);
        guide(series);
    }

    /**
     * A line to read the others against, not a run: dashed, without its points. Styled inline, as the theme's
     * series styles would win over a style class of the screen's.
     */
    private static void guide(XYChart.Series<Number, Number> series) {
        series.getNode().setStyle("-fx-stroke-dash-array: 8 6;");
        series.getData().forEach(point -> point.getNode().setStyle("-fx-background-color: transparent;"));
    }

    private static XYChart.Series<Number, Number> flat(String name, double value, int most) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name + " " + MetricRows.format(value));
        series.getData().add(new XYChart.Data<>(0, value));
        series.getData().add(new XYChart.Data<>(most, value));
        return series;
    }

    /**
     * The reliability diagram: each non-empty bin's mean confidence against how often it was right, a line per
     * run, beside the diagonal a perfectly calibrated confidence would follow.
     */
    static Node reliability(List<Reliable> runs) {
        LineChart<Number, Number> chart = chart(new NumberAxis(0, 1, 0.1), "confidence", "share right", 320);
        for (Reliable run : runs) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(run.name() + " · ECE " + MetricRows.format(run.ece()));
            for (Reliability.Bin bin : run.bins()) {
                if (bin.count() > 0) {
                    series.getData().add(new XYChart.Data<>(bin.meanConfidence(), bin.accuracy()));
                }
            }
            chart.getData().add(series);
        }
        // Last, so that each run has the colour it has in the learning curve.
        XYChart.Series<Number, Number> diagonal = new XYChart.Series<>();
        diagonal.setName("perfectly calibrated");
        diagonal.getData().add(new XYChart.Data<>(0, 0));
        diagonal.getData().add(new XYChart.Data<>(1, 1));
        guide(chart, diagonal);
        return chart;
    }
}
