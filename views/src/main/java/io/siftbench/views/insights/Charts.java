package io.siftbench.views.insights;

import io.siftbench.model.insights.JudgeScores;
import io.siftbench.model.insights.MapPoint;
import io.siftbench.model.insights.SampleText;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Insights screen's bar charts, distinct-n, judge scores and embedding map, built from the measured runs. */
final class Charts {

    /** How wide a distinct-n bar of 1 is: short, as the figures beside it say the rest. */
    private static final double DISTINCT_SCALE = 160;

    private Charts() {}

    /** One bar chart with a series per run: the runs share both axes, bar beside bar. */
    static Node bars(List<MeasuredRun> runs, Function<MeasuredRun, Map<String, Number>> values, String unit) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setPrefHeight(280);
        for (MeasuredRun r : runs) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(r.heading());
            values.apply(r).forEach((category, value) -> series.getData().add(new XYChart.Data<>(category, value)));
            chart.getData().add(series);
        }
        return chart;
    }

    /**
     * The samples per label, a series per run, as bars across with the label's name beside each: with dozens of
     * labels of banking77's length, names standing on end under the bars would need more height than a chart has.
     * The chart grows a row per label instead, the most frequent (of the first run) at the top.
     */
    static Node labelBars(List<MeasuredRun> runs) {
        List<String> labels = new ArrayList<>();
        List<XYChart.Series<Number, String>> series = new ArrayList<>();
        for (MeasuredRun r : runs) {
            XYChart.Series<Number, String> counts = new XYChart.Series<>();
            counts.setName(r.heading());
            InsightsLayout.labelCounts(r.report().metrics()).forEach((label, count) -> {
                if (!labels.contains(label)) {
                    labels.add(label);
                }
                counts.getData().add(new XYChart.Data<>(count, label));
            });
            series.add(counts);
        }
        NumberAxis x = new NumberAxis();
        x.setLabel("samples");
        // A vertical category axis puts its first category at the bottom.
        Collections.reverse(labels);
        CategoryAxis y = new CategoryAxis(FXCollections.observableArrayList(labels));
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        // A row of 14 pixels per run and 6 between labels: a bar is the row less the gap of 2 between bars.
        chart.setCategoryGap(6);
        chart.setBarGap(2);
        chart.setPrefHeight(Math.max(280, 80 + labels.size() * (6 + 14 * runs.size())));
        chart.getData().addAll(series);
        return chart;
    }

    /**
     * A run's distinct-n as what it is, a few shares: the figures side by side ("0.623 / 0.881 / 0.912"), and
     * beneath them a short bar per n on a scale from 0 to 1, the same for every run, that reads at a glance.
     */
    static Node distinctN(MeasuredRun run) {
        Label figures = new Label(InsightsLayout.distinctNValues(run.report().metrics()));
        figures.getStyleClass().add("metric-value");
        figures.setId("distinct-n-values");
        GridPane bars = new GridPane();
        bars.getStyleClass().add("distinct-bars");
        int row = 0;
        for (Map.Entry<String, Number> share :
                InsightsLayout.distinctN(run.report().metrics()).entrySet()) {
            Region bar = new Region();
            bar.getStyleClass().add("distinct-bar");
            bar.setPrefWidth(DISTINCT_SCALE * share.getValue().doubleValue());
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            StackPane track = new StackPane(bar);
            track.getStyleClass().add("distinct-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setPrefWidth(DISTINCT_SCALE);
            track.setMaxWidth(Region.USE_PREF_SIZE);
            bars.addRow(
                    row++,
                    new Label(share.getKey()),
                    track,
                    new Label(MetricRows.format(share.getValue().doubleValue())));
        }
        return new VBox(4, figures, bars);
    }

    /** A number axis drawn on {@code scale}. */
    static NumberAxis axis(AxisScale scale) {
        NumberAxis axis = new NumberAxis(scale.lower(), scale.upper(), scale.tick());
        axis.setTickLabelFormatter(Controls.shownAs(scale::label));
        return axis;
    }

    /** The PCA map on the shared scales, a series per colour value, each point's tooltip showing its sample. */
    static Node map(MeasuredRun r, MapBounds bounds, ColourBy colourBy) {
        if (r.report().metrics().embeddingMap() == null) {
            return new Label("no embeddings");
        }
        ScatterChart<Number, Number> chart = new ScatterChart<>(axis(bounds.x()), axis(bounds.y()));
        chart.setAnimated(false);
        chart.setPrefHeight(360);
        Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
        for (MapPoint point : r.report().metrics().embeddingMap().points()) {
            SampleText sample = r.samples().get(point.sampleId());
            String colour = sample == null ? "?" : colourBy.colourOf(sample);
            XYChart.Data<Number, Number> data = new XYChart.Data<>(point.x(), point.y());
            if (sample != null) {
                data.nodeProperty().addListener((obs, was, node) -> {
                    if (node != null) {
                        Tooltip.install(node, new Tooltip("#" + sample.id() + " · " + colour + "\n" + sample.text()));
                    }
                });
            }
            series.computeIfAbsent(colour, c -> {
                        XYChart.Series<Number, Number> s = new XYChart.Series<>();
                        s.setName(c);
                        return s;
                    })
                    .getData()
                    .add(data);
        }
        chart.getData().addAll(series.values());
        series.forEach((colour, points) ->
                colourBy.status(colour).ifPresent(status -> StatusColours.paint(chart, points, status)));
        return chart;
    }

    /**
     * The judge's scores as bars (a bar per score of its scale), with the mean and the share reaching its pass
     * mark beneath.
     */
    static Node judgeScores(MeasuredRun run) {
        JudgeScores judge = run.report().judge();
        if (judge == null) {
            return new Label("not judged");
        }
        CategoryAxis x = new CategoryAxis();
        x.setLabel("score");
        NumberAxis y = new NumberAxis();
        y.setLabel("samples");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(240);
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        judge.bars().forEach(bar -> bars.getData().add(new XYChart.Data<>(bar.score(), bar.count())));
        chart.getData().add(bars);
        Label summary = new Label(judge.judged() + " of " + judge.samples() + " judged by run #"
                + judge.judgeRuns().stream().map(String::valueOf).collect(Collectors.joining(", #"))
                + (judge.mean() == null
                        ? ""
                        : " · mean " + MetricRows.format(judge.mean()) + " · "
                                + MetricRows.format(judge.passingShare()) + " at or above the pass mark "
                                + MetricRows.plain(judge.passMark())));
        summary.getStyleClass().add("judge-summary");
        return new VBox(4, chart, summary);
    }
}
