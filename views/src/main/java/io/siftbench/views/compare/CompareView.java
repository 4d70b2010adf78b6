package io.siftbench.views.compare;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.VariantSummary;
import io.siftbench.model.insights.LabelCount;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.ConditionValue;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * The Compare screen: choose a base run and add 1–3 variants of it (another prompt version, backend or model,
 * or a condition switched off or narrowed), or pick 2–4 runs as they are; then read one row per input with each
 * column's output beside the others, a summary header per column, the curation flags of every cell, and
 * accept / reject / edit / prefer in every cell. Rows grow to fit long texts.
 */
public final class CompareView implements ScreenView {

    /** The narrowest a column gets before the rows scroll sideways. */
    private static final double MIN_COLUMN_WIDTH = 200;
    /** The list's cell padding and its vertical scroll bar. */
    private static final double LIST_INSETS = 40;

    private static final double GAP = 8;

    /** What an added variant changes; the editors of the chosen kind show beside the choice. */
    private enum VariantKind {
        VERSION("Prompt version"),
        BACKEND("Backend or model"),
        CONDITION("Condition setting");

        private final String title;

        VariantKind(String title) {
            this.title = title;
        }
    }

    private final CompareViewModel viewModel;
    private final StackPane root = new StackPane();
    private final HBox header = new HBox(GAP);
    /** The input and every variant share the list's width equally, so that 2 to 4 columns all fit. */
    private final DoubleBinding columnWidth;

    public CompareView(CompareViewModel viewModel, ObservableValue<Boolean> projectOpen) {
        this.viewModel = viewModel;
        root.getStylesheets().add(CompareView.class.getResource("compare.css").toExternalForm());

        ListView<CompareRow> list = new ListView<>(viewModel.rows());
        columnWidth = Bindings.createDoubleBinding(
                () -> {
                    int columns = viewModel.variants().size() + 1;
                    return Math.max(MIN_COLUMN_WIDTH, (list.getWidth() - LIST_INSETS - GAP * (columns - 1)) / columns);
                },
                list.widthProperty(),
                viewModel.variants());
        list.setId("compare-rows");
        Label howTo = new Label("Choose a base run, add one to three variants (another prompt version, backend or "
                + "model, or condition setting) and press Compare: Siftbench starts the runs it needs over the same "
                + "inputs and seed, or reuses runs that match. Or tick two to four runs under \"Or compare\".");
        howTo.setWrapText(true);
        howTo.setMaxWidth(560);
        list.setPlaceholder(howTo);
        list.setCellFactory(v -> new RowCell());
        header.setId("compare-header");
        header.setPadding(new Insets(4, 16, 4, 16));
        viewModel.summaries().addListener((ListChangeListener<VariantSummary>) c -> showHeader());
        VBox top = new VBox(6, variantsBar(), plannedBar(), runsBar());
        top.setPadding(new Insets(8, 16, 8, 16));
        BorderPane content = new BorderPane(list, new VBox(top, header), null, null, null);

        Node empty = new EmptyScreenView(
                        Screen.COMPARE,
                        projectOpen,
                        "Nothing to compare yet",
                        "Start a run on the Runs screen; then compare it here with another prompt version, model or "
                                + "condition setting over the same inputs.")
                .node();
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.runs()));
        content.visibleProperty().bind(empty.visibleProperty().not());
        root.getChildren().addAll(content, empty);
        // Runs started since the screen was last shown can be chosen at once.
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.reloadRuns();
            }
        });
    }

    /** The base run, and the editors of one variant of it: what kind, then what exactly. */
    private FlowPane variantsBar() {
        ComboBox<RunInfo> base = new ComboBox<>(viewModel.runs());
        base.setId("compare-base");
        base.setPromptText("Base run");
        base.setConverter(Controls.shownAs(this::describe));
        base.valueProperty().bindBidirectional(viewModel.baseProperty());

        ComboBox<StoredVersion> version = new ComboBox<>(viewModel.versions());
        version.setId("compare-variant-version");
        version.setPromptText("Prompt version");
        version.setConverter(Controls.shownAs(v ->
                v.name() + " v" + v.version() + (v.note() == null || v.note().isBlank() ? "" : " — " + v.note())));

        ComboBox<BackendConfig> backend = new ComboBox<>(viewModel.backends());
        backend.setId("compare-variant-backend");
        backend.setPromptText("Backend");
        backend.setConverter(Controls.shownAs(BackendConfig::name));
        TextField model = new TextField();
        model.setId("compare-variant-model");
        model.setPromptText("Model");
        backend.valueProperty().addListener((obs, was, now) -> model.setText(now == null ? "" : now.model()));

        ComboBox<Condition> condition = new ComboBox<>(viewModel.conditions());
        condition.setId("compare-variant-condition");
        condition.setPromptText("Condition");
        condition.setConverter(Controls.shownAs(Condition::name));
        CheckComboBox<String> values = new CheckComboBox<>();
        values.setId("compare-variant-values");
        values.setTitle("Values (none: switched off)");
        condition.valueProperty().addListener((obs, was, now) -> {
            values.getCheckModel().clearChecks();
            values.getItems()
                    .setAll(
                            now == null
                                    ? List.of()
                                    : now.values().stream()
                                            .map(ConditionValue::value)
                                            .toList());
        });

        ChoiceBox<VariantKind> kind = new ChoiceBox<>();
        kind.setId("compare-variant-kind");
        kind.getItems().setAll(VariantKind.values());
        kind.setConverter(Controls.shownAs(k -> k.title));
        kind.setValue(VariantKind.VERSION);
        HBox editors = new HBox(6);
        kind.valueProperty().addListener((obs, was, now) -> editors.getChildren()
                .setAll(
                        switch (now) {
                            case VERSION -> List.of(version);
                            case BACKEND -> List.of(backend, model);
                            case CONDITION -> List.of(condition, values);
                        }));
        editors.getChildren().setAll(version);

        Button add = new Button("Add variant");
        add.setId("compare-add-variant");
        add.setOnAction(e -> {
            switch (kind.getValue()) {
                case VERSION -> {
                    if (version.getValue() != null) {
                        viewModel.addVersion(version.getValue());
                    }
                }
                case BACKEND -> {
                    if (backend.getValue() != null) {
                        viewModel.addBackend(backend.getValue(), model.getText());
                    }
                }
                case CONDITION -> {
                    if (condition.getValue() != null) {
                        viewModel.addCondition(
                                condition.getValue().name(),
                                List.copyOf(values.getCheckModel().getCheckedItems()));
                    }
                }
            }
        });
        add.disableProperty().bind(viewModel.baseProperty().isNull());
        return Controls.toolbar(
                8, Controls.labelled("Base run", base), Controls.labelled("Variant", kind), editors, add);
    }

    /** The variants added so far, each removable, and the action that compares them with the base run. */
    private FlowPane plannedBar() {
        HBox chips = new HBox(6);
        Runnable showChips = () -> {
            chips.getChildren().clear();
            for (int i = 0; i < viewModel.planned().size(); i++) {
                int index = i;
                Button remove = new Button("×");
                remove.setId("compare-remove-variant-" + i);
                remove.setOnAction(e -> viewModel.removeVariant(index));
                Label name = new Label(viewModel.planned().get(i).describe());
                HBox chip = new HBox(4, name, remove);
                chip.setId("compare-variant-" + i);
                chip.getStyleClass().add("compare-variant");
                chips.getChildren().add(chip);
            }
        };
        viewModel.planned().addListener((ListChangeListener<Object>) c -> showChips.run());
        Button compare = new Button("Compare");
        compare.setId("compare-start");
        compare.getStyleClass().add("accent");
        compare.disableProperty().bind(Bindings.isEmpty(viewModel.planned()));
        compare.setOnAction(e -> viewModel.compareVariants());
        Label message = new Label();
        message.setId("compare-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        return Controls.toolbar(8, new Label("Compared with the base run:"), chips, compare, message);
    }

    /** Any 2–4 stored runs as they are, whatever their settings. */
    private FlowPane runsBar() {
        CheckComboBox<RunInfo> choice = new CheckComboBox<>(viewModel.runs());
        choice.setId("compare-runs");
        choice.setTitle("Runs as they are");
        choice.setConverter(Controls.shownAs(this::describe));
        Button compare = new Button("Compare runs");
        compare.setId("compare-runs-start");
        compare.setOnAction(e -> viewModel.compare(choice.getCheckModel().getCheckedItems()));
        return Controls.toolbar(8, Controls.labelled("Or compare", choice), compare);
    }

    private String describe(RunInfo r) {
        String step = viewModel.step(r);
        String rest =
                r.config().backend().modelShown() + " · seed " + r.config().seed() + " · " + r.samples() + " samples";
        return step.isEmpty() ? RunLabel.of(r, rest) : RunLabel.of(r, step, rest);
    }

    private void showHeader() {
        header.getChildren().setAll(fixed(new Label("Input")));
        for (int v = 0; v < viewModel.summaries().size(); v++) {
            VariantSummary s = viewModel.summaries().get(v);
            Label l = new Label(viewModel.variantName(v) + "\n"
                    + String.format(
                            Locale.ROOT,
                            "accepted %.0f%% of %d decided · mean length %.0f · %d failed",
                            s.acceptRate() * 100,
                            s.decided(),
                            s.meanLength(),
                            s.failures())
                    + "\n"
                    + s.labels().labels().stream()
                            .limit(5)
                            .map(LabelCount::label)
                            .collect(Collectors.joining(", ")));
            int column = v;
            viewModel.againstGold().stream()
                    .filter(g -> g.second() == column)
                    .findFirst()
                    .ifPresent(g -> l.setText(l.getText() + "\n"
                            + g.describe(viewModel.variantName(g.first()), viewModel.variantName(column))));
            l.setId("compare-summary-" + v);
            l.setWrapText(true);
            header.getChildren().add(fixed(l));
        }
    }

    /** {@code node} as wide as a column, however long its text: long texts wrap instead. */
    private <T extends Region> T fixed(T node) {
        node.prefWidthProperty().bind(columnWidth);
        node.minWidthProperty().bind(columnWidth);
        node.maxWidthProperty().bind(columnWidth);
        return node;
    }

    /** One input and each variant's output; labels wrap, so the row is as tall as its longest text. */
    private final class RowCell extends ListCell<CompareRow> {

        /**
         * The row's own height, each column's wrapped lines counted at the column's width. A list cell's skin
         * asks its graphic for the height at the width left beside a (missing) text, too little for wrapped
         * labels, so a tall row would be cut off with an ellipsis.
         */
        @Override
        protected double computePrefHeight(double width) {
            Node line = getGraphic();
            return line == null
                    ? super.computePrefHeight(width)
                    : snappedTopInset() + line.prefHeight(-1) + snappedBottomInset();
        }

        @Override
        protected void updateItem(CompareRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label input = new Label(row.input());
            input.setId("compare-input-" + getIndex());
            input.setWrapText(true);
            HBox line = new HBox(GAP, fixed(input));
            for (int v = 0; v < row.cells().size(); v++) {
                line.getChildren().add(fixed(cell(getIndex(), v, row.cell(v).orElse(null))));
            }
            setGraphic(line);
        }

        private VBox cell(int rowIndex, int variant, ReviewItem item) {
            if (item == null) {
                return new VBox(new Label("— no sample for this input"));
            }
            boolean annotate = viewModel.variants().get(variant).config().mode() == PromptMode.ANNOTATE;
            Label output = new Label(
                    item.sample().failed()
                            ? "Failed: " + item.sample().error()
                            : annotate ? item.label() : item.text());
            output.setId("compare-output-" + rowIndex + "-" + variant);
            output.setWrapText(true);
            output.getStyleClass().add("title-4");
            String conditions = annotate || item.sample().conditions().isEmpty()
                    ? ""
                    : new TreeMap<>(item.sample().conditions())
                                    .entrySet().stream()
                                            .map(Map.Entry::toString)
                                            .collect(Collectors.joining(", "))
                            + " · ";
            Label meta = new Label(conditions + (annotate ? "" : item.label() == null ? "" : item.label() + " · ")
                    + "confidence "
                    + (item.sample().confidence() == null
                            ? "—"
                            : String.format(Locale.ROOT, "%.2f", item.sample().confidence()))
                    + " · " + item.state());
            meta.setWrapText(true);
            Label flags = new Label(String.join("\n", item.flags()));
            flags.setId("compare-flags-" + rowIndex + "-" + variant);
            flags.setWrapText(true);
            flags.getStyleClass().add("compare-flags");
            flags.setVisible(!item.flags().isEmpty());
            flags.setManaged(!item.flags().isEmpty());
            Button accept = new Button("Accept");
            accept.setOnAction(e -> viewModel.accept(rowIndex, variant));
            Button reject = new Button("Reject");
            reject.setOnAction(e -> viewModel.reject(rowIndex, variant));
            Button edit = new Button("Edit");
            edit.setOnAction(e -> {
                TextInputDialog dialog = new TextInputDialog(annotate ? item.label() : item.text());
                dialog.setHeaderText(annotate ? "The label" : "The text");
                dialog.showAndWait()
                        .ifPresent(value ->
                                viewModel.edit(rowIndex, variant, annotate ? null : value, annotate ? value : null));
            });
            Button prefer = new Button("Prefer this one");
            prefer.setId("compare-prefer-" + rowIndex + "-" + variant);
            prefer.setOnAction(e -> viewModel.prefer(rowIndex, variant));
            FlowPane actions = Controls.toolbar(4, accept, reject, edit, prefer);
            VBox box = new VBox(4, output, meta, flags, actions);
            box.getStyleClass().add("compare-cell");
            return box;
        }
    }

    @Override
    public Screen screen() {
        return Screen.COMPARE;
    }

    @Override
    public Node node() {
        return root;
    }
}
