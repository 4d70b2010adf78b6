package io.siftbench.views.insights;

import io.siftbench.model.runs.RunLabel;
import io.siftbench.views.controls.Controls;
import javafx.scene.layout.FlowPane;

import io.siftbench.model.insights.ConfusionMatrix;
import io.siftbench.model.insights.CoverageCell;
import io.siftbench.model.insights.CoverageGrid;
import io.siftbench.model.insights.Histogram;
import io.siftbench.model.insights.JudgeScores;
import io.siftbench.model.insights.MapPoint;
import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.insights.ValueCount;
import io.siftbench.model.insights.ValueCoverage;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Insights screen: choose a run (and another to compare it with), which samples to measure (all, accepted or
 * rejected) and which slice of the run (the run, its prompt version's runs, or one condition value); the metric
 * cards and charts then show both side by side on shared axes. Every chart saves as PNG, and the figures copy
 * to the clipboard as a tab-separated table.
 */
public final class InsightsView implements ScreenView {

    private static final String COLOUR_STATUS = "status";
    private static final String COLOUR_LABEL = "label";

    private final InsightsViewModel viewModel;
    private final ChartFiles files;
    private final BorderPane root = new BorderPane();
    private final ComboBox<RunInfo> run = new ComboBox<>();
    private final ComboBox<RunInfo> compare = new ComboBox<>();
    private final ChoiceBox<String> colourBy = new ChoiceBox<>();
    private final VBox content = new VBox(16);
    private final ScrollPane scroll = new ScrollPane(content);
    private boolean rebuilding;
    private final Node empty;

    public InsightsView(InsightsViewModel viewModel, ChartFiles files) {
        this.viewModel = viewModel;
        this.files = files;
        root.setId("insights");
        root.getStylesheets().add(InsightsView.class.getResource("insights.css").toExternalForm());
        empty = new EmptyScreenView(Screen.INSIGHTS, viewModel.projectProperty(), "No runs to measure",
                "Start a run on the Runs screen (New run…) or with the run command. Once it has samples, choose it "
                        + "above and press Measure; choose a second run to compare the two side by side.").node();
        root.setTop(toolbar());
        content.setPadding(new Insets(12));
        scroll.setFitToWidth(true);
        viewModel.runs().addListener((ListChangeListener<RunInfo>) change -> runsChanged());
        viewModel.measured().addListener((ListChangeListener<MeasuredRun>) change -> show());
        colourBy.valueProperty().addListener((obs, was, now) -> {
            if (!rebuilding) {
                show();
            }
        });
        runsChanged();
        show();
    }

    private Node toolbar() {
        run.setId("insights-run");
        compare.setId("insights-compare");
        // The compare list's first choice is null, "no comparison"; without runs there is nothing to choose at all.
        StringConverter<RunInfo> names = Controls.shownAs(RunLabel::withSamples);
        run.setConverter(names);
        compare.setConverter(names);
        javafx.beans.binding.BooleanBinding noRuns = javafx.beans.binding.Bindings.isEmpty(viewModel.runs());
        run.promptTextProperty().bind(javafx.beans.binding.Bindings.when(noRuns).then("no runs yet")
                .otherwise("choose a run"));
        run.disableProperty().bind(noRuns);
        compare.disableProperty().bind(noRuns);
        compare.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RunInfo item, boolean emptyCell) {
                super.updateItem(item, emptyCell);
                setText(emptyCell ? null : item == null ? "no comparison" : names.toString(item));
            }
        });
        compare.setButtonCell(compareButton());
        ChoiceBox<StatusSelection> status = new ChoiceBox<>();
        status.setId("insights-status");
        status.getItems().setAll(StatusSelection.values());
        status.valueProperty().bindBidirectional(viewModel.statusProperty());
        ChoiceBox<MetricSlice> slice = new ChoiceBox<>(viewModel.slices());
        slice.setId("insights-slice");
        slice.setConverter(Controls.shownAs(InsightsView::sliceTitle));
        // A choice box measures its width on its popup, which is laid out late when the choices change: without
        // a width of its own it shrinks to a cut-off "this ru…" as soon as a run with conditions is chosen.
        slice.setPrefWidth(240);
        slice.setValue(viewModel.sliceProperty().get());
        // Not bound both ways: replacing the choices clears the box's value for a moment, which is no choice of
        // the researcher's and must not reach the view model.
        slice.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.sliceProperty().set(now);
            }
        });
        viewModel.sliceProperty().addListener((obs, was, now) -> slice.setValue(now));
        viewModel.slices().addListener((ListChangeListener<MetricSlice>) change ->
                slice.setValue(viewModel.sliceProperty().get()));
        run.valueProperty().addListener((obs, was, now) -> viewModel.chooseSlicesOf(now));
        colourBy.setId("insights-colour");
        colourBy.setPrefWidth(120);
        Button measure = new Button("Measure");
        measure.setId("insights-measure");
        measure.setDefaultButton(true);
        measure.disableProperty().bind(run.valueProperty().isNull().or(viewModel.busyProperty()));
        measure.setOnAction(e -> {
            List<RunInfo> chosen = new ArrayList<>();
            chosen.add(run.getValue());
            if (compare.getValue() != null && compare.getValue().id() != run.getValue().id()) {
                chosen.add(compare.getValue());
            }
            viewModel.measure(chosen);
        });
        Button cancel = new Button("Cancel");
        cancel.setId("insights-cancel");
        cancel.disableProperty().bind(viewModel.busyProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("insights-progress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label step = new Label();
        step.setId("insights-step");
        step.textProperty().bind(viewModel.stepProperty());
        Label problem = new Label();
        problem.setId("insights-problem");
        problem.getStyleClass().add("insights-problem");
        viewModel.problemProperty().addListener((obs, was, now) ->
                problem.setText(now == null ? "" : now.heading() + ": " + now.message()));
        Button copy = new Button("Copy metrics");
        copy.setId("insights-copy");
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.measured()));
        copy.setOnAction(e -> {
            ClipboardContent table = new ClipboardContent();
            table.putString(viewModel.metricsTable());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(table);
        });
        FlowPane bar = Controls.toolbar(8, Controls.labelled("Run", run), Controls.labelled("compare with", compare),
                Controls.labelled("samples", status), Controls.labelled("measure", slice), measure, cancel, progress,
                step, copy, Controls.labelled("colour map by", colourBy), problem);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("insights-toolbar");
        return bar;
    }

    /** How the slice chooser names a slice. */
    static String sliceTitle(MetricSlice slice) {
        String runs = slice.promptVersion() ? "all runs of this prompt version" : "this run";
        return !slice.byCondition() ? runs : (slice.promptVersion() ? runs + ", " : "") + "only " + slice.condition()
                + " = " + slice.value();
    }

    /** The compare box's face: made again when the runs change, as "no runs yet" becomes "no comparison". */
    private ListCell<RunInfo> compareButton() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RunInfo item, boolean emptyCell) {
                super.updateItem(item, emptyCell);
                setText(item != null ? compare.getConverter().toString(item) : viewModel.runs().isEmpty()
                        ? "no runs yet" : "no comparison");
            }
        };
    }

    private void runsChanged() {
        RunInfo chosen = run.getValue();
        run.getItems().setAll(viewModel.runs());
        List<RunInfo> others = new ArrayList<>();
        others.add(null);
        others.addAll(viewModel.runs());
        compare.getItems().setAll(others);
        compare.setButtonCell(compareButton());
        run.setValue(viewModel.runs().stream().filter(r -> chosen != null && r.id() == chosen.id()).findFirst()
                .orElse(viewModel.runs().isEmpty() ? null : viewModel.runs().get(0)));
        root.setCenter(viewModel.runs().isEmpty() ? empty : scroll);
    }

    /** Rebuilds the cards and charts from the measured runs. */
    private void show() {
        List<MeasuredRun> runs = viewModel.measured();
        updateColourChoices(runs);
        content.getChildren().clear();
        if (runs.isEmpty()) {
            content.getChildren().add(new Label("Choose a run and press Measure."));
            return;
        }
        Label title = new Label(runs.stream().map(MeasuredRun::heading).collect(Collectors.joining("  vs  "))
                + " · " + runs.get(0).report().status().name().toLowerCase(Locale.ROOT) + " samples");
        title.setId("insights-title");
        title.getStyleClass().add("insights-heading");
        content.getChildren().add(title);
        if (!viewModel.noteProperty().get().isEmpty()) {
            Label note = new Label(viewModel.noteProperty().get());
            note.setId("insights-note");
            note.setWrapText(true);
            note.getStyleClass().add("insights-problem");
            content.getChildren().add(note);
        }
        content.getChildren().add(cards(runs));
        content.getChildren().add(section("distinct-n", "Distinct n-grams", bars(runs, r -> {
            Map<String, Number> values = new LinkedHashMap<>();
            r.report().metrics().lexical().distinct().forEach(d -> values.put("distinct-" + d.n(), d.value()));
            return values;
        }, "share of unique n-grams")));
        content.getChildren().add(section("lengths", "Length in words", bars(runs,
                r -> histogram(r.report().metrics().lengths().words().histogram()), "samples")));
        if (runs.stream().anyMatch(r -> !r.report().metrics().labels().labels().isEmpty())) {
            content.getChildren().add(section("labels", "Label distribution", bars(runs, r -> {
                Map<String, Number> values = new LinkedHashMap<>();
                r.report().metrics().labels().labels().forEach(l -> values.put(l.label(), l.count()));
                return values;
            }, "samples")));
        }
        if (runs.stream().anyMatch(r -> r.report().metrics().embeddingMap() != null)) {
            double[] bounds = mapBounds(runs);
            content.getChildren().add(section("map", "Embedding map (PCA)", sideBySide(runs, r -> map(r, bounds))));
        }
        if (runs.stream().anyMatch(r -> r.report().metrics().coverageByValue())) {
            long most = runs.stream().flatMap(r -> r.report().metrics().valueCoverage().stream())
                    .flatMap(c -> c.values().stream()).mapToLong(ValueCount::samples).max().orElse(0);
            content.getChildren().add(section("values", "Condition values (samples and accepted)",
                    sideBySide(runs, r -> r.report().metrics().valueCoverage().isEmpty() ? new Label("no conditions")
                            : valueBars(r, Math.max(1, most)))));
        }
        if (runs.stream().anyMatch(r -> !r.report().metrics().filledCoverage().isEmpty())) {
            content.getChildren().add(section("coverage", "Condition coverage (samples / accepted)",
                    sideBySide(runs, this::grids)));
        }
        if (runs.stream().anyMatch(r -> r.report().judge() != null)) {
            content.getChildren().add(section("judge", "Judge scores (judged samples per score)",
                    sideBySide(runs, InsightsView::judgeScores)));
        }
        if (runs.stream().anyMatch(r -> r.report().metrics().gold() != null)) {
            content.getChildren().add(section("confusion", "Confusion matrix (gold ↓, model →)",
                    sideBySide(runs, r -> r.report().metrics().gold() == null ? new Label("no gold labels")
                            : confusion(r.report().metrics().gold().confusion()))));
        }
    }

    private Node cards(List<MeasuredRun> runs) {
        FlowPane cards = new FlowPane(8, 8);
        cards.setId("insights-cards");
        for (MetricRows.Row row : MetricRows.rows()) {
            List<String> values = runs.stream().map(r -> row.value().apply(r.report())).toList();
            if (values.stream().allMatch(MetricRows.NONE::equals)) {
                continue;
            }
            VBox card = new VBox(2, new Label(row.name()));
            card.getStyleClass().add("metric-card");
            card.getChildren().get(0).getStyleClass().add("metric-name");
            for (int i = 0; i < runs.size(); i++) {
                Label value = new Label(values.get(i) + (runs.size() > 1 ? "  " + runs.get(i).heading() : ""));
                value.getStyleClass().add("metric-value");
                card.getChildren().add(value);
            }
            cards.getChildren().add(card);
        }
        return cards;
    }

    /** A titled chart with its "Save PNG" button, which saves exactly the chart as drawn. */
    private Node section(String id, String title, Node chart) {
        chart.setId("insights-chart-" + id);
        Button save = new Button("Save PNG");
        save.setId("insights-save-" + id);
        save.setOnAction(e -> files.choosePng(root.getScene().getWindow(), id + ".png")
                .ifPresent(file -> viewModel.savePng(chart.snapshot(null, null), file)));
        Label heading = new Label(title);
        heading.getStyleClass().add("insights-heading");
        HBox head = new HBox(8, heading, save);
        return new VBox(4, head, chart);
    }

    /** One bar chart with a series per run: the runs share both axes, bar beside bar. */
    private static Node bars(List<MeasuredRun> runs, Function<MeasuredRun, Map<String, Number>> values, String unit) {
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

    private static Map<String, Number> histogram(Histogram histogram) {
        Map<String, Number> bins = new LinkedHashMap<>();
        for (int bin = 0; bin < histogram.bins(); bin++) {
            bins.put(String.format(Locale.ROOT, "%.0f–%.0f", histogram.lowerEdge(bin),
                    histogram.lowerEdge(bin) + histogram.width()), histogram.counts()[bin]);
        }
        return bins;
    }

    private static Node sideBySide(List<MeasuredRun> runs, Function<MeasuredRun, Node> chart) {
        HBox row = new HBox(12);
        for (MeasuredRun r : runs) {
            VBox column = new VBox(4, new Label(r.heading()), chart.apply(r));
            HBox.setHgrow(column, Priority.ALWAYS);
            row.getChildren().add(column);
        }
        return row;
    }

    private void updateColourChoices(List<MeasuredRun> runs) {
        List<String> choices = new ArrayList<>(List.of(COLOUR_STATUS, COLOUR_LABEL));
        runs.stream().flatMap(r -> r.samples().values().stream()).flatMap(s -> s.conditions().keySet().stream())
                .distinct().sorted().forEach(choices::add);
        if (!choices.equals(colourBy.getItems())) {
            String chosen = colourBy.getValue();
            // The charts are being rebuilt already: the choice's own listener must not rebuild them again.
            rebuilding = true;
            colourBy.getItems().setAll(choices);
            colourBy.setValue(choices.contains(chosen) ? chosen : COLOUR_STATUS);
            rebuilding = false;
        }
    }

    /**
     * The x and y range {minX, maxX, minY, maxY} of every run's map, a little wider, so that maps side by side
     * (projected on one PCA) are drawn on the same scales too.
     */
    private static double[] mapBounds(List<MeasuredRun> runs) {
        double[] bounds = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        runs.stream().filter(r -> r.report().metrics().embeddingMap() != null)
                .flatMap(r -> r.report().metrics().embeddingMap().points().stream()).forEach(p -> {
                    bounds[0] = Math.min(bounds[0], p.x());
                    bounds[1] = Math.max(bounds[1], p.x());
                    bounds[2] = Math.min(bounds[2], p.y());
                    bounds[3] = Math.max(bounds[3], p.y());
                });
        for (int axis = 0; axis < 4; axis += 2) {
            double margin = Math.max(1e-6, (bounds[axis + 1] - bounds[axis]) * 0.05);
            bounds[axis] -= margin;
            bounds[axis + 1] += margin;
        }
        return bounds;
    }

    /** An axis over at least [lower, upper], widened to whole ticks of 1, 2 or 5 times a power of ten. */
    private static NumberAxis fixedAxis(double lower, double upper) {
        double rough = (upper - lower) / 8;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double tick = rough <= power ? power : rough <= 2 * power ? 2 * power : rough <= 5 * power ? 5 * power
                : 10 * power;
        NumberAxis axis = new NumberAxis(Math.floor(lower / tick) * tick, Math.ceil(upper / tick) * tick, tick);
        // Ticks as whole multiples of the tick, so that sums like 0.1 + 0.2 (and −0) never show.
        String format = "%." + Math.max(0, (int) -Math.floor(Math.log10(tick))) + "f";
        axis.setTickLabelFormatter(Controls.shownAs(value ->
                String.format(Locale.ROOT, format, Math.round(value.doubleValue() / tick) * tick + 0.0)));
        return axis;
    }

    /** The PCA map on the shared scales, a series per colour value, each point's tooltip showing its sample. */
    private Node map(MeasuredRun r, double[] bounds) {
        if (r.report().metrics().embeddingMap() == null) {
            return new Label("no embeddings");
        }
        ScatterChart<Number, Number> chart = new ScatterChart<>(fixedAxis(bounds[0], bounds[1]),
                fixedAxis(bounds[2], bounds[3]));
        chart.setAnimated(false);
        chart.setPrefHeight(360);
        String by = colourBy.getValue() == null ? COLOUR_STATUS : colourBy.getValue();
        Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
        for (MapPoint point : r.report().metrics().embeddingMap().points()) {
            SampleText sample = r.samples().get(point.sampleId());
            String colour = sample == null ? "?" : colourOf(sample, by);
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
            }).getData().add(data);
        }
        chart.getData().addAll(series.values());
        return chart;
    }

    private static String colourOf(SampleText sample, String by) {
        String value = switch (by) {
            case COLOUR_STATUS -> sample.status().name().toLowerCase(Locale.ROOT);
            case COLOUR_LABEL -> sample.label();
            default -> sample.conditions().get(by);
        };
        return value == null ? "(none)" : value;
    }

    private Node grids(MeasuredRun run) {
        VBox all = new VBox(8);
        List<CoverageGrid> filled = run.report().metrics().filledCoverage();
        if (filled.isEmpty()) {
            return new Label("no pair of conditions with samples: see the values above");
        }
        for (CoverageGrid grid : filled) {
            long max = grid.cells().stream().mapToLong(CoverageCell::samples).max().orElse(0);
            GridPane table = new GridPane();
            table.getStyleClass().add("heatmap");
            table.add(new Label(grid.conditionA() + " \\ " + grid.conditionB()), 0, 0);
            for (int b = 0; b < grid.valuesB().size(); b++) {
                table.add(new Label(grid.valuesB().get(b)), b + 1, 0);
            }
            for (int a = 0; a < grid.valuesA().size(); a++) {
                table.add(new Label(grid.valuesA().get(a)), 0, a + 1);
                for (int b = 0; b < grid.valuesB().size(); b++) {
                    CoverageCell cell = grid.cell(grid.valuesA().get(a), grid.valuesB().get(b));
                    long n = cell == null ? 0 : cell.samples();
                    Label label = new Label(n == 0 ? "empty" : n + " / " + cell.accepted());
                    table.add(shade(label, n, max, n == 0), b + 1, a + 1);
                }
            }
            all.getChildren().add(table);
            fillTheGaps(run, "cells with fewer than", grid.conditionA() + "-" + grid.conditionB(),
                    (minimum, perCell) -> viewModel.fillTheGaps(run, grid, minimum, perCell))
                    .ifPresent(all.getChildren()::add);
        }
        return all;
    }

    /**
     * One bar chart per condition: samples and accepted samples per value, a value no sample has marked empty; the
     * count axis goes up to {@code most}, the largest count of every run shown, so that runs compare bar by bar.
     */
    private Node valueBars(MeasuredRun run, long most) {
        VBox charts = new VBox(8);
        for (ValueCoverage condition : run.report().metrics().valueCoverage()) {
            CategoryAxis x = new CategoryAxis();
            x.setLabel(condition.condition());
            NumberAxis y = fixedAxis(0, most);
            y.setLabel("samples");
            BarChart<String, Number> chart = new BarChart<>(x, y);
            chart.setAnimated(false);
            chart.setPrefHeight(240);
            XYChart.Series<String, Number> samples = new XYChart.Series<>();
            samples.setName("samples");
            XYChart.Series<String, Number> accepted = new XYChart.Series<>();
            accepted.setName("accepted");
            for (ValueCount value : condition.values()) {
                String category = value.empty() ? value.value() + " (empty)" : value.value();
                samples.getData().add(new XYChart.Data<>(category, value.samples()));
                accepted.getData().add(new XYChart.Data<>(category, value.accepted()));
            }
            chart.getData().addAll(List.of(samples, accepted));
            charts.getChildren().add(chart);
            fillTheGaps(run, "values with fewer than", condition.condition(), (minimum, perValue) ->
                    viewModel.fillTheGaps(run, condition, minimum, perValue)).ifPresent(charts.getChildren()::add);
        }
        return charts;
    }

    /**
     * The judge's scores as bars (a bar per score of its scale), with the mean and the share reaching its pass
     * mark beneath.
     */
    private static Node judgeScores(MeasuredRun run) {
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
                + (judge.mean() == null ? "" : " · mean " + MetricRows.format(judge.mean()) + " · "
                + MetricRows.format(judge.passingShare()) + " at or above the pass mark "
                + MetricRows.plain(judge.passMark())));
        summary.getStyleClass().add("judge-summary");
        return new VBox(4, chart, summary);
    }

    /**
     * "Fill the gaps": a run of a few samples in every cell (or value) with fewer accepted samples than asked for;
     * none for one condition value's samples, where every other value looks empty only because it is left out.
     *
     * @param thin  what the thin ones are, before the minimum ("cells with fewer than")
     * @param id    names the button: {@code insights-fill-ID}
     * @param start starts the run with the minimum of accepted samples and the number to make for each
     */
    private Optional<Node> fillTheGaps(MeasuredRun run, String thin, String id, BiConsumer<Long, Integer> start) {
        if (run.slice().byCondition()) {
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
        return Optional.of(Controls.toolbar(6, new Label(thin), minimum, new Label("accepted: make"), perCell,
                new Label("each"), fill));
    }

    private static Node confusion(ConfusionMatrix matrix) {
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
    private static Node shade(Label label, long value, long max, boolean markedEmpty) {
        StackPane cell = new StackPane(label);
        cell.getStyleClass().add(markedEmpty ? "heat-empty" : "heat-cell");
        if (!markedEmpty) {
            double share = max == 0 ? 0 : (double) value / max;
            cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(33, 102, 172, %.2f);", 0.1 + 0.8 * share));
        }
        return cell;
    }

    @Override
    public Screen screen() {
        return Screen.INSIGHTS;
    }

    @Override
    public Node node() {
        return root;
    }
}
