package io.siftbench.views.insights;

import io.siftbench.model.insights.CoverageCell;
import io.siftbench.model.insights.CoverageGrid;
import io.siftbench.model.insights.SampleStatus;
import io.siftbench.model.insights.ValueCount;
import io.siftbench.model.insights.ValueCoverage;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * How a run covers its prompt's conditions: bars per condition value, heat maps per pair of conditions, each with
 * "Fill the gaps" beneath to make samples where there are too few.
 */
final class CoverageCharts {

    private final InsightsViewModel viewModel;

    CoverageCharts(InsightsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The heat map of each pair of conditions with samples: samples and accepted samples per cell. */
    Node grids(MeasuredRun run) {
        VBox all = new VBox(8);
        List<CoverageGrid> filled = run.report().metrics().filledCoverage();
        if (filled.isEmpty()) {
            return new Label("no pair of conditions with samples: see the values above");
        }
        for (CoverageGrid grid : filled) {
            long max =
                    grid.cells().stream().mapToLong(CoverageCell::samples).max().orElse(0);
            GridPane table = new GridPane();
            table.getStyleClass().add("heatmap");
            table.add(new Label(grid.conditionA() + " \\ " + grid.conditionB()), 0, 0);
            for (int b = 0; b < grid.valuesB().size(); b++) {
                table.add(new Label(grid.valuesB().get(b)), b + 1, 0);
            }
            for (int a = 0; a < grid.valuesA().size(); a++) {
                table.add(new Label(grid.valuesA().get(a)), 0, a + 1);
                for (int b = 0; b < grid.valuesB().size(); b++) {
                    CoverageCell cell =
                            grid.cell(grid.valuesA().get(a), grid.valuesB().get(b));
                    long n = cell == null ? 0 : cell.samples();
                    Label label = new Label(n == 0 ? "empty" : n + " / " + cell.accepted());
                    table.add(HeatTables.shade(label, n, max, n == 0), b + 1, a + 1);
                }
            }
            all.getChildren().add(table);
            fillTheGaps(
                            run,
                            "cells with fewer than",
                            grid.conditionA() + "-" + grid.conditionB(),
                            (minimum, perCell) -> viewModel.fillTheGaps(run, grid, minimum, perCell))
                    .ifPresent(all.getChildren()::add);
        }
        return all;
    }

    /**
     * One bar chart per condition: samples and accepted samples per value, a value no sample has marked empty; the
     * count axis goes up to {@code most}, the largest count of every run shown, so that runs compare bar by bar.
     */
    Node valueBars(MeasuredRun run, long most) {
        if (run.report().metrics().valueCoverage().isEmpty()) {
            return new Label("no conditions");
        }
        VBox charts = new VBox(8);
        for (ValueCoverage condition : run.report().metrics().valueCoverage()) {
            CategoryAxis x = new CategoryAxis();
            x.setLabel(condition.condition());
            NumberAxis y = Charts.axis(AxisScale.covering(0, most));
            y.setLabel("samples");
            BarChart<String, Number> chart = new BarChart<>(x, y);
            chart.setAnimated(false);
            chart.setPrefHeight(240);
            XYChart.Series<String, Number> samples = new XYChart.Series<>();
            samples.setName("samples");
            XYChart.Series<String, Number> accepted = new XYChart.Series<>();
            accepted.setName("accepted");
            for (ValueCount value : condition.values()) {
                String category = InsightsLayout.valueCategory(value);
                samples.getData().add(new XYChart.Data<>(category, value.samples()));
                accepted.getData().add(new XYChart.Data<>(category, value.accepted()));
            }
            chart.getData().addAll(List.of(samples, accepted));
            StatusColours.paint(chart, accepted, SampleStatus.ACCEPTED);
            charts.getChildren().add(chart);
            fillTheGaps(
                            run,
                            "values with fewer than",
                            condition.condition(),
                            (minimum, perValue) -> viewModel.fillTheGaps(run, condition, minimum, perValue))
                    .ifPresent(charts.getChildren()::add);
        }
        return charts;
    }

    /**
     * "Fill the gaps": a run of a few samples in every cell (or value) with fewer accepted samples than asked for,
     * where {@link InsightsLayout#offersFillTheGaps} offers it.
     *
     * @param thin  what the thin ones are, before the minimum ("cells with fewer than")
     * @param id    names the button: {@code insights-fill-ID}
     * @param start starts the run with the minimum of accepted samples and the number to make for each
     */
    private Optional<Node> fillTheGaps(MeasuredRun run, String thin, String id, BiConsumer<Long, Integer> start) {
        if (!InsightsLayout.offersFillTheGaps(run)) {
            return Optional.empty();
        }
        Spinner<Integer> minimum = new Spinner<>(1, 1000, 1);
        minimum.setPrefWidth(80);
        Spinner<Integer> perCell = new Spinner<>(1, 1000, 5);
        perCell.setPrefWidth(80);
        Button fill = new Button("Fill the gaps");
        fill.setId("insights-fill-" + id);
        fill.disableProperty().bind(viewModel.busyProperty());
        fill.setOnAction(e -> start.accept((long) minimum.getValue(), perCell.getValue()));
        return Optional.of(Controls.toolbar(
                6, new Label(thin), minimum, new Label("accepted: make"), perCell, new Label("each"), fill));
    }
}
