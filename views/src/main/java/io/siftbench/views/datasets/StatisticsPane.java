package io.siftbench.views.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnStatistics;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** Column statistics on demand: count, nulls, distinct values, top values and, for text, a length histogram. */
final class StatisticsPane extends VBox {

    private final ComboBox<String> column = new ComboBox<>();
    private final Label summary = new Label("Choose a column.");
    private final ListView<String> top = new ListView<>();
    private final BarChart<String, Number> lengths = new BarChart<>(new CategoryAxis(), new NumberAxis());

    StatisticsPane(DatasetTableViewModel viewModel) {
        super(6);
        setPadding(new Insets(8));
        setPrefWidth(280);
        getStyleClass().add("statistics-pane");
        column.setId("statistics-column");
        column.setMaxWidth(Double.MAX_VALUE);
        Button compute = new Button("Compute statistics");
        compute.setId("statistics-compute");
        compute.setMaxWidth(Double.MAX_VALUE);
        compute.disableProperty().bind(column.valueProperty().isNull());
        compute.setOnAction(e -> viewModel.computeStatistics(column.getValue()));
        summary.setId("statistics-summary");
        summary.setWrapText(true);
        top.setId("statistics-top");
        top.setPrefHeight(220);
        lengths.setId("statistics-lengths");
        lengths.setLegendVisible(false);
        lengths.setAnimated(false);
        lengths.setTitle("Length (characters)");
        lengths.setPrefHeight(220);
        getChildren()
                .addAll(
                        new Label("Column statistics"),
                        column,
                        compute,
                        summary,
                        new Label("Top values"),
                        top,
                        lengths);

        viewModel
                .datasetProperty()
                .addListener((obs, was, now) -> column.setItems(
                        now == null
                                ? FXCollections.observableArrayList()
                                : FXCollections.observableArrayList(now.columns().stream()
                                        .map(ColumnInfo::name)
                                        .toList())));
        viewModel.statisticsProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(ColumnStatistics s) {
        lengths.getData().clear();
        if (s == null) {
            summary.setText("");
            top.getItems().clear();
            return;
        }
        summary.setText(String.format(
                Locale.ROOT,
                "%s: %,d records, %,d empty, %,d distinct values",
                s.column(),
                s.count(),
                s.nulls(),
                s.distinct()));
        top.getItems()
                .setAll(s.top().stream()
                        .map(v -> String.format(Locale.ROOT, "%,d × %s", v.count(), v.value()))
                        .toList());
        if (!s.lengthHistogram().isEmpty()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            s.lengthHistogram()
                    .forEach(bin -> series.getData().add(new XYChart.Data<>(bin.from() + "–" + bin.to(), bin.count())));
            lengths.getData().add(series);
        }
    }
}
