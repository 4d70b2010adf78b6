package io.siftbench.views.insights;

import io.siftbench.model.insights.ConfusionMatrix;
import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Insights screen: choose a run (and another to compare it with), which samples to measure (all, accepted or
 * rejected) and which slice of the run (the run, its prompt version's runs, or one condition value); the metric
 * cards and charts then show both side by side on shared axes. Every chart saves as PNG, and the figures copy
 * to the clipboard as a tab-separated table.
 */
public final class InsightsView implements ScreenView {

    private final InsightsViewModel viewModel;
    private final ChartFiles files;
    private final BorderPane root = new BorderPane();
    private final ComboBox<RunInfo> run = new ComboBox<>();
    private final ComboBox<RunInfo> compare = new ComboBox<>();
    private final ChoiceBox<String> colourBy = new ChoiceBox<>();
    private final ColourBy colours = new ColourBy();
    private final CoverageCharts coverage;
    private final UtilityPanel utility;
    private final VBox content = new VBox(16);
    private final ScrollPane scroll = new ScrollPane(content);
    private final Node empty;

    public InsightsView(InsightsViewModel viewModel, ChartFiles files) {
        this.viewModel = viewModel;
        this.files = files;
        this.coverage = new CoverageCharts(viewModel);
        this.utility = new UtilityPanel(viewModel.utility(), this::saveable);
        root.setId("insights");
        root.getStylesheets().add(InsightsView.class.getResource("insights.css").toExternalForm());
        empty = new EmptyScreenView(
                        Screen.INSIGHTS,
                        viewModel.projectOpenProperty(),
                        "No runs to measure",
                        "Start a run on the Runs screen (New run…) or with the run command. Once it has samples, choose it "
                                + "above and press Measure; choose a second run to compare the two side by side.")
                .node();
        root.setTop(toolbar());
        content.setPadding(new Insets(12));
        scroll.setFitToWidth(true);
        viewModel.runs().addListener((ListChangeListener<RunInfo>) change -> runsChanged());
        viewModel.measured().addListener((ListChangeListener<MeasuredRun>) change -> show());
        showColourChoices();
        colourBy.valueProperty().addListener((obs, was, now) -> {
            if (colours.choose(now)) {
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
        StringConverter<RunInfo> names = Controls.shownAs(viewModel::runLabel);
        run.setConverter(names);
        compare.setConverter(names);
        javafx.beans.binding.BooleanBinding noRuns = javafx.beans.binding.Bindings.isEmpty(viewModel.runs());
        run.promptTextProperty()
                .bind(javafx.beans.binding.Bindings.when(noRuns)
                        .then("no runs yet")
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
        viewModel.slices().addListener((ListChangeListener<MetricSlice>)
                change -> slice.setValue(viewModel.sliceProperty().get()));
        run.valueProperty().addListener((obs, was, now) -> viewModel.chooseSlicesOf(now));
        // A run measured alone (one opened from the Runs screen) shows chosen, with nothing to compare.
        viewModel.measured().addListener((ListChangeListener<InsightsViewModel.MeasuredRun>) c -> {
            List<InsightsViewModel.MeasuredRun> now = viewModel.measured();
            if (now.size() == 1
                    && (run.getValue() == null
                            || run.getValue().id() != now.get(0).run().id())) {
                run.getItems().stream()
                        .filter(r -> r.id() == now.get(0).run().id())
                        .findFirst()
                        .ifPresent(run::setValue);
                compare.setValue(null);
            }
        });
        colourBy.setId("insights-colour");
        colourBy.setPrefWidth(120);
        Button measure = new Button("Measure");
        measure.setId("insights-measure");
        measure.setDefaultButton(true);
        measure.disableProperty().bind(run.valueProperty().isNull().or(viewModel.busyProperty()));
        measure.setOnAction(e -> {
            List<RunInfo> chosen = new ArrayList<>();
            chosen.add(run.getValue());
            if (compare.getValue() != null
                    && compare.getValue().id() != run.getValue().id()) {
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
        viewModel
                .problemProperty()
                .addListener(
                        (obs, was, now) -> problem.setText(now == null ? "" : now.heading() + ": " + now.message()));
        Button copy = new Button("Copy metrics");
        copy.setId("insights-copy");
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.measured()));
        copy.setOnAction(e -> {
            ClipboardContent table = new ClipboardContent();
            table.putString(viewModel.metricsTable());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(table);
        });
        FlowPane bar = Controls.toolbar(
                8,
                Controls.labelled("Run", run),
                Controls.labelled("compare with", compare),
                Controls.labelled("samples", status),
                Controls.labelled("measure", slice),
                measure,
                cancel,
                progress,
                step,
                copy,
                Controls.labelled("colour map by", colourBy),
                problem);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("insights-toolbar");
        return bar;
    }

    /** How the slice chooser names a slice. */
    static String sliceTitle(MetricSlice slice) {
        String runs = slice.promptVersion() ? "all runs of this prompt version" : "this run";
        return !slice.byCondition()
                ? runs
                : (slice.promptVersion() ? runs + ", " : "") + "only " + slice.condition() + " = " + slice.value();
    }

    /** The compare box's face: made again when the runs change, as "no runs yet" becomes "no comparison". */
    private ListCell<RunInfo> compareButton() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RunInfo item, boolean emptyCell) {
                super.updateItem(item, emptyCell);
                setText(
                        item != null
                                ? compare.getConverter().toString(item)
                                : viewModel.runs().isEmpty() ? "no runs yet" : "no comparison");
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
        run.setValue(viewModel.runs().stream()
                .filter(r -> chosen != null && r.id() == chosen.id())
                .findFirst()
                .orElse(viewModel.runs().isEmpty() ? null : viewModel.runs().get(0)));
        root.setCenter(viewModel.runs().isEmpty() ? empty : scroll);
    }

    /** Rebuilds the cards and charts from the measured runs. */
    private void show() {
        List<MeasuredRun> runs = viewModel.measured();
        if (colours.offerFor(runs)) {
            showColourChoices();
        }
        content.getChildren().clear();
        if (runs.isEmpty()) {
            content.getChildren().add(new Label("Choose a run and press Measure."));
            return;
        }
        InsightsLayout layout = new InsightsLayout(runs);
        Label title = new Label(layout.title());
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
        if (!layout.sampledNote().isEmpty()) {
            Label sampled = new Label(layout.sampledNote());
            sampled.setId("insights-sampled");
            sampled.setWrapText(true);
            content.getChildren().add(sampled);
        }
        content.getChildren().add(cards(layout.cards()));
        for (InsightsSection section : layout.sections()) {
            Node chart = chart(section, layout);
            content.getChildren().add(section(section, layout, chart, () -> picture(section, chart, layout)));
        }
        content.getChildren().add(utility.node());
    }

    /** Replacing the choices moves the chooser's value; the colour-by state tells those moves from a choice. */
    private void showColourChoices() {
        colourBy.getItems().setAll(colours.choices());
        colourBy.setValue(colours.chosen());
    }

    private Node chart(InsightsSection section, InsightsLayout layout) {
        List<MeasuredRun> runs = layout.runs();
        return switch (section) {
            case DISTINCT_N -> sideBySide(runs, Charts::distinctN);
            case LENGTHS ->
                Charts.bars(runs, r -> InsightsLayout.lengthBins(r.report().metrics()), "samples");
            case LABELS -> Charts.labelBars(runs);
            case MAP -> {
                MapBounds bounds = MapBounds.around(runs);
                yield sideBySide(runs, r -> Charts.map(r, bounds, colours));
            }
            case VALUES -> sideBySide(runs, r -> coverage.valueBars(r, layout.mostValueSamples()));
            case COVERAGE -> sideBySide(runs, coverage::grids);
            case JUDGE -> sideBySide(runs, Charts::judgeScores);
            case CONFUSION -> confusion(runs, ConfusionPanel::of);
            case CALIBRATION ->
                StudentCharts.reliability(runs.stream()
                        .filter(r -> r.report().metrics().calibration() != null)
                        .map(r -> new StudentCharts.Reliable(
                                r.heading(),
                                r.report().metrics().calibration().ece(),
                                r.report().metrics().calibration().bins()))
                        .toList());
        };
    }

    /** What {@code section}'s "Save PNG" saves: the chart as drawn, beneath its title and runs. */
    private static WritableImage picture(InsightsSection section, Node chart, InsightsLayout layout) {
        String title = layout.pictureTitle(section);
        // On the screen the matrix scrolls in its box; the picture has all of it.
        return section == InsightsSection.CONFUSION
                ? TitledPicture.of(confusion(layout.runs(), ConfusionPanel::unscrolled), chart, title)
                : TitledPicture.of(chart, title);
    }

    private static Node confusion(List<MeasuredRun> runs, Function<ConfusionMatrix, Node> shown) {
        return sideBySide(
                runs,
                r -> r.report().metrics().gold() == null
                        ? new Label("no gold labels")
                        : shown.apply(r.report().metrics().gold().confusion()));
    }

    private static Node cards(List<InsightsLayout.MetricCard> metrics) {
        FlowPane cards = new FlowPane(8, 8);
        cards.setId("insights-cards");
        for (InsightsLayout.MetricCard metric : metrics) {
            VBox card = new VBox(2, new Label(metric.name()));
            card.getStyleClass().add("metric-card");
            card.getChildren().get(0).getStyleClass().add("metric-name");
            for (String shown : metric.values()) {
                Label value = new Label(shown);
                value.getStyleClass().add("metric-value");
                card.getChildren().add(value);
            }
            cards.getChildren().add(card);
        }
        return cards;
    }

    /** A titled chart with its "Save PNG" button, which saves {@code picture}. */
    private Node section(InsightsSection section, InsightsLayout layout, Node chart, Supplier<WritableImage> picture) {
        return saveable(section.id(), layout.sectionTitle(section), chart, picture);
    }

    /** A chart titled {@code title} with its "Save PNG" button, named by {@code id}, which saves {@code picture}. */
    private Node saveable(String id, String title, Node chart, Supplier<WritableImage> picture) {
        chart.setId("insights-chart-" + id);
        Button save = new Button("Save PNG");
        save.setId("insights-save-" + id);
        save.setOnAction(e -> files.choosePng(root.getScene().getWindow(), id + ".png")
                .ifPresent(file -> viewModel.savePng(picture.get(), file)));
        Label heading = new Label(title);
        heading.getStyleClass().add("insights-heading");
        // A sampled run's heading says on which sample, two compared runs' both: it wraps rather than being cut.
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        // The heading wraps, the button keeps its width: a long heading took it down to "S…".
        save.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, heading, save);
        VBox shown = new VBox(4, head, chart);
        shown.getStyleClass().add("insights-section");
        return shown;
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

    /** Evaluate the utility (Ctrl+E) and propose a run for the weakest labels (Ctrl+Shift+G). */
    @Override
    public List<MenuItem> menuItems() {
        UtilityViewModel u = viewModel.utility();
        MenuItem evaluate = new MenuItem("Evaluate utility");
        evaluate.setId("menu-evaluate-utility");
        evaluate.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        evaluate.disableProperty()
                .bind(Bindings.isEmpty(viewModel.measured())
                        .or(u.testProperty().isNull())
                        .or(u.busyProperty()));
        evaluate.setOnAction(e -> u.evaluate());
        MenuItem weakest = new MenuItem("Generate more for the weakest labels");
        weakest.setId("menu-weakest-labels");
        weakest.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+G"));
        weakest.disableProperty().bind(u.evaluatedProperty().isNull().or(u.busyProperty()));
        weakest.setOnAction(e -> utility.proposeWeakest());
        return List.of(evaluate, weakest);
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
