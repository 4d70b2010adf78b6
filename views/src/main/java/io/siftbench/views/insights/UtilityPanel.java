package io.siftbench.views.insights;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.insights.WeakestLabelsRun;
import io.siftbench.model.student.TrainingSamples;
import io.siftbench.model.student.UtilityReport;
import io.siftbench.views.controls.Controls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Utility section: the choices of an evaluation (what trains, the test dataset and its columns, the gold
 * training set, k), Evaluate with its progress and cancel, and the report: each run's figures, the paired
 * comparison, the per-label F1 and the confused pairs as tables that copy, the learning curve and the reliability
 * diagram as charts that save, and "Generate more for the weakest labels" with the run it proposes.
 */
final class UtilityPanel {

    /** A chart with its title and "Save PNG" button, as the screen's other charts have. */
    @FunctionalInterface
    interface Sections {
        Node saveable(String id, String title, Node chart, Supplier<WritableImage> picture);
    }

    private final UtilityViewModel viewModel;
    private final Sections sections;
    private final VBox node = new VBox(8);
    private final VBox report = new VBox(12);
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final Spinner<Integer> weakestLabels = new Spinner<>(1, 100, 5);
    private final Spinner<Integer> weakestSamples = new Spinner<>(1, 10_000, 50);

    UtilityPanel(UtilityViewModel viewModel, Sections sections) {
        this.viewModel = viewModel;
        this.sections = sections;
        node.setId("insights-utility");
        node.getStyleClass().add("insights-section");
        Label heading = new Label("Utility: a student trained on the run's samples, tested on real data");
        heading.getStyleClass().add("insights-heading");
        node.getChildren().addAll(heading, choices(), status(), report);
        viewModel.evaluatedProperty().addListener((obs, was, now) -> showReport());
        viewModel.plans().addListener((ListChangeListener<WeakestLabelsRun.Plan>) c -> showReport());
        showReport();
    }

    Node node() {
        return node;
    }

    /** Proposes a run for the weakest labels with the numbers chosen beside the button. */
    void proposeWeakest() {
        viewModel.proposeWeakest(weakestLabels.getValue(), weakestSamples.getValue());
    }

    private Node choices() {
        ChoiceBox<TrainingSamples> trainOn = new ChoiceBox<>();
        trainOn.setId("utility-train-on");
        trainOn.getItems().setAll(TrainingSamples.values());
        trainOn.setConverter(Controls.shownAs(TrainingSamples::title));
        trainOn.valueProperty().bindBidirectional(viewModel.trainOnProperty());
        ComboBox<String> label =
                Controls.chooser("utility-label", viewModel.labelFields(), viewModel.labelFieldProperty());
        ComboBox<DatasetInfo> test = new ComboBox<>(viewModel.datasets());
        test.setId("utility-test");
        test.setPromptText("choose a dataset");
        test.setConverter(Controls.shownAs(DatasetInfo::name));
        test.valueProperty().bindBidirectional(viewModel.testProperty());
        viewModel.testProperty().addListener((obs, was, now) -> columnsOf(now));
        columnsOf(viewModel.testProperty().get());
        ComboBox<String> text = Controls.chooser("utility-test-text", columns, viewModel.testTextProperty());
        ComboBox<String> gold = Controls.chooser("utility-test-label", columns, viewModel.testLabelProperty());
        ComboBox<DatasetInfo> goldTrain = new ComboBox<>();
        goldTrain.setId("utility-gold-train");
        goldTrain.setConverter(Controls.shownAs(d -> d == null ? "none" : d.name()));
        goldTrain.setPromptText("none");
        Runnable goldChoices = () -> {
            List<DatasetInfo> choices = new ArrayList<>();
            choices.add(null);
            choices.addAll(viewModel.datasets());
            goldTrain.getItems().setAll(choices);
            goldTrain.setValue(viewModel.goldProperty().get());
        };
        viewModel.datasets().addListener((ListChangeListener<DatasetInfo>) c -> goldChoices.run());
        goldChoices.run();
        goldTrain
                .valueProperty()
                .addListener((obs, was, now) -> viewModel.goldProperty().set(now));
        viewModel.goldProperty().addListener((obs, was, now) -> goldTrain.setValue(now));
        Spinner<Integer> k = Controls.spinner("utility-k", 0, 1000, viewModel.fewShotProperty());
        k.setPrefWidth(80);
        Button evaluate = new Button("Evaluate");
        evaluate.setId("utility-evaluate");
        evaluate.disableProperty().bind(viewModel.testProperty().isNull().or(viewModel.busyProperty()));
        evaluate.setOnAction(e -> viewModel.evaluate());
        Button cancel = new Button("Cancel");
        cancel.setId("utility-cancel");
        cancel.disableProperty().bind(viewModel.busyProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        return Controls.toolbar(
                8,
                Controls.labelled("train on", trainOn),
                Controls.labelled("label from", label),
                Controls.labelled("test on", test),
                Controls.labelled("text", text),
                Controls.labelled("gold label", gold),
                Controls.labelled("gold training set", goldTrain),
                Controls.labelled("few-shot k", k),
                evaluate,
                cancel);
    }

    private void columnsOf(DatasetInfo dataset) {
        columns.setAll(
                dataset == null
                        ? List.of()
                        : dataset.columns().stream().map(ColumnInfo::name).toList());
    }

    private Node status() {
        ProgressBar progress = new ProgressBar();
        progress.setId("utility-progress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        Label step = new Label();
        step.setId("utility-step");
        step.textProperty().bind(viewModel.stepProperty());
        Label problem = new Label();
        problem.setId("utility-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("insights-problem");
        problem.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.problemProperty().get() == null
                                ? ""
                                : viewModel.problemProperty().get().heading() + ": "
                                        + viewModel.problemProperty().get().message(),
                        viewModel.problemProperty()));
        return new VBox(4, Controls.toolbar(8, progress, step), problem);
    }

    private void showReport() {
        report.getChildren().clear();
        UtilityViewModel.Evaluated evaluated = viewModel.evaluatedProperty().get();
        if (evaluated == null) {
            Label hint = new Label("Choose a test dataset with gold labels and press Evaluate (Ctrl+E): the student "
                    + "learns from the run's samples, and its accuracy on real data says whether they work.");
            hint.setWrapText(true);
            report.getChildren().add(hint);
            return;
        }
        UtilityLayout layout = new UtilityLayout(evaluated);
        HBox figures = new HBox(12);
        figures.setId("utility-figures");
        for (int i = 0; i < layout.runs().size(); i++) {
            VBox column = new VBox(2);
            Label name = new Label(UtilityLayout.named(layout.runs().get(i)));
            name.getStyleClass().add("metric-name");
            column.getChildren().add(name);
            for (String line : layout.figures(i)) {
                Label shown = new Label(line);
                shown.setWrapText(true);
                column.getChildren().add(shown);
            }
            column.getStyleClass().add("metric-card");
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMaxWidth(Double.MAX_VALUE);
            figures.getChildren().add(column);
        }
        report.getChildren().add(figures);
        if (!layout.comparison().isEmpty()) {
            Label comparison = new Label(layout.comparison());
            comparison.setId("utility-comparison");
            comparison.setWrapText(true);
            comparison.getStyleClass().add("insights-heading");
            report.getChildren().add(comparison);
        }
        report.getChildren()
                .add(table(
                        "utility-labels",
                        layout.runs().size() > 1
                                ? "F1 per label, weakest first, and the change from the first run to the second"
                                : "F1 per label, weakest first",
                        layout.labels()));
        report.getChildren().add(table("utility-pairs", "Most confused pairs", layout.confusedPairs()));
        String runs = layout.runs().stream()
                .map(UtilityLayout::named)
                .reduce((a, b) -> a + " vs " + b)
                .orElse("");
        Node curve = StudentCharts.curve(layout);
        report.getChildren()
                .add(sections.saveable(
                        "learning-curve",
                        "Learning curve (25%, 50%, 100% of the samples)",
                        curve,
                        () -> TitledPicture.of(curve, "Learning curve — " + runs)));
        List<StudentCharts.Reliable> reliable = new ArrayList<>();
        for (int i = 0; i < layout.runs().size(); i++) {
            UtilityReport r = evaluated.answers().get(i).report();
            reliable.add(new StudentCharts.Reliable(
                    UtilityLayout.named(layout.runs().get(i)),
                    r.reliability().expectedCalibrationError(),
                    r.reliability().bins()));
        }
        Node diagram = StudentCharts.reliability(reliable);
        report.getChildren()
                .add(sections.saveable(
                        "student-reliability",
                        "The student's reliability on the test items",
                        diagram,
                        () -> TitledPicture.of(diagram, "Student reliability — " + runs)));
        report.getChildren().add(weakest());
    }

    /** A titled table of {@code table}'s rows, sortable by any column, with "Copy table" beside its title. */
    private static Node table(String id, String title, UtilityLayout.Table table) {
        TableView<UtilityLayout.Row> view = new TableView<>(FXCollections.observableArrayList(table.rows()));
        view.setId(id);
        for (int c = 0; c < table.headings().size(); c++) {
            int index = c;
            TableColumn<UtilityLayout.Row, String> column =
                    Controls.textColumn(table.headings().get(c), c == 0 ? 260 : 110, row -> row.cells()
                            .get(index));
            column.setComparator(NUMBERS_THEN_TEXT);
            view.getColumns().add(column);
        }
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.setPrefHeight(Math.min(360, 40 + 30 * Math.max(1, table.rows().size())));
        Button copy = new Button("Copy table");
        copy.setId(id + "-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(table.tsv());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label heading = new Label(title);
        heading.getStyleClass().add("insights-heading");
        return new VBox(4, new HBox(8, heading, copy), view);
    }

    /** Cells that are numbers ("0.412", "+0.050") sort as numbers, the rest as text, numbers first. */
    private static final Comparator<String> NUMBERS_THEN_TEXT = Comparator.comparing(
                    (String cell) -> number(cell), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.naturalOrder());

    private static Double number(String cell) {
        try {
            return Double.valueOf(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "Generate more for the weakest labels", and the run it proposes for the researcher to confirm. */
    private Node weakest() {
        Spinner<Integer> labels = weakestLabels;
        labels.setId("utility-weakest-k");
        labels.setEditable(true);
        labels.setPrefWidth(80);
        Spinner<Integer> samples = weakestSamples;
        samples.setId("utility-weakest-samples");
        samples.setEditable(true);
        samples.setPrefWidth(90);
        Button generate = new Button("Generate more for the weakest labels");
        generate.setId("utility-weakest");
        generate.disableProperty().bind(viewModel.busyProperty());
        generate.setOnAction(e -> proposeWeakest());
        VBox box = new VBox(
                6,
                Controls.toolbar(
                        6,
                        new Label("the"),
                        labels,
                        new Label("labels of the lowest F1: make"),
                        samples,
                        new Label("samples, more for the weaker"),
                        generate));
        Label why = new Label();
        why.setId("utility-plan-problem");
        why.setWrapText(true);
        why.getStyleClass().add("insights-problem");
        why.textProperty().bind(viewModel.planProblemProperty());
        why.managedProperty().bind(viewModel.planProblemProperty().isNotEmpty());
        box.getChildren().add(why);
        if (!viewModel.plans().isEmpty()) {
            ChoiceBox<WeakestLabelsRun.Plan> plan =
                    new ChoiceBox<>(FXCollections.observableArrayList(viewModel.plans()));
            plan.setId("utility-plan");
            plan.setConverter(
                    Controls.shownAs(p -> p.prompt().name() + "@" + p.prompt().version()));
            plan.setValue(viewModel.plans().get(0));
            Label shown = new Label();
            shown.setId("utility-plan-text");
            shown.setWrapText(true);
            shown.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> "A synthesize run of " + plan.getValue().describe() + " ("
                                    + plan.getValue().config().target() + " samples)",
                            plan.valueProperty()));
            Button start = new Button("Start this run");
            start.setId("utility-plan-start");
            start.setOnAction(e -> viewModel.start(plan.getValue()));
            Button discard = new Button("Discard");
            discard.setId("utility-plan-discard");
            discard.setOnAction(e -> viewModel.discardPlans());
            box.getChildren()
                    .add(Controls.toolbar(
                            6,
                            viewModel.plans().size() > 1 ? Controls.labelled("prompt", plan) : new Label(),
                            shown,
                            start,
                            discard));
        }
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }
}
