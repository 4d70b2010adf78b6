package io.siftbench.views.compare;

import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.VariantSummary;
import io.siftbench.model.insights.LabelCount;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Compare screen: choose 2–4 runs, then read one row per input with each run's output beside the others,
 * a summary header per run, and accept / reject / edit / prefer in every cell. Rows grow to fit long texts.
 */
public final class CompareView implements ScreenView {

    private static final double INPUT_WIDTH = 260;
    private static final double CELL_WIDTH = 300;

    private final CompareViewModel viewModel;
    private final StackPane root = new StackPane();
    private final HBox header = new HBox(8);

    public CompareView(CompareViewModel viewModel, ReadOnlyObjectProperty<Project> project) {
        this.viewModel = viewModel;
        CheckComboBox<RunInfo> choice = new CheckComboBox<>(viewModel.runs());
        choice.setId("compare-runs");
        choice.setTitle("Runs to compare");
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunInfo r) {
                return r == null ? "" : "Run " + r.id() + " — " + r.promptName() + " v" + r.promptVersion() + ", "
                        + r.config().backend().model() + ", seed " + r.config().seed();
            }

            @Override
            public RunInfo fromString(String s) {
                throw new UnsupportedOperationException("runs are picked, not typed");
            }
        });
        Button compare = new Button("Compare");
        compare.setId("compare-start");
        compare.setOnAction(e -> viewModel.compare(choice.getCheckModel().getCheckedItems()));
        Label message = new Label();
        message.setId("compare-message");
        message.textProperty().bind(viewModel.messageProperty());
        HBox bar = new HBox(8, choice, compare, message);
        bar.setPadding(new Insets(8, 16, 8, 16));

        ListView<CompareRow> list = new ListView<>(viewModel.rows());
        list.setId("compare-rows");
        list.setCellFactory(v -> new RowCell());
        header.setId("compare-header");
        header.setPadding(new Insets(4, 16, 4, 16));
        viewModel.summaries().addListener((ListChangeListener<VariantSummary>) c -> showHeader());
        BorderPane content = new BorderPane(list, new VBox(bar, header), null, null, null);

        Node empty = new EmptyScreenView(Screen.COMPARE, project, "Nothing to compare yet",
                "Run two prompt versions, models or condition settings over the same inputs to see them side by side.")
                .node();
        empty.visibleProperty().bind(Bindings.size(viewModel.runs()).lessThan(2));
        content.visibleProperty().bind(empty.visibleProperty().not());
        root.getChildren().addAll(content, empty);
        // Runs started since the screen was last shown can be chosen at once.
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.reloadRuns();
            }
        });
    }

    private void showHeader() {
        header.getChildren().setAll(fixed(new Label("Input"), INPUT_WIDTH));
        for (int v = 0; v < viewModel.summaries().size(); v++) {
            VariantSummary s = viewModel.summaries().get(v);
            Label l = new Label(viewModel.variantName(v) + "\n" + String.format(Locale.ROOT,
                    "accepted %.0f%% of %d decided · mean length %.0f · %d failed", s.acceptRate() * 100, s.decided(),
                    s.meanLength(), s.failures()) + "\n" + s.labels().labels().stream().limit(5)
                    .map(LabelCount::label).collect(Collectors.joining(", ")));
            l.setId("compare-summary-" + v);
            l.setWrapText(true);
            header.getChildren().add(fixed(l, CELL_WIDTH));
        }
    }

    private static <T extends javafx.scene.layout.Region> T fixed(T node, double width) {
        node.setPrefWidth(width);
        node.setMinWidth(width);
        node.setMaxWidth(width);
        return node;
    }

    /** One input and each variant's output; labels wrap, so the row is as tall as its longest text. */
    private final class RowCell extends ListCell<CompareRow> {
        @Override
        protected void updateItem(CompareRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label input = new Label(row.input());
            input.setWrapText(true);
            HBox line = new HBox(8, fixed(input, INPUT_WIDTH));
            for (int v = 0; v < row.cells().size(); v++) {
                line.getChildren().add(fixed(cell(getIndex(), v, row.cell(v).orElse(null)), CELL_WIDTH));
            }
            setGraphic(line);
        }

        private VBox cell(int rowIndex, int variant, ReviewItem item) {
            if (item == null) {
                return new VBox(new Label("— no sample for this input"));
            }
            boolean annotate = viewModel.variants().get(variant).config().mode() == PromptMode.ANNOTATE;
            Label output = new Label(item.sample().failed() ? "Failed: " + item.sample().error()
                    : annotate ? item.label() : item.text());
            output.setWrapText(true);
            output.getStyleClass().add("title-4");
            Label meta = new Label((annotate ? "" : item.label() == null ? "" : item.label() + " · ") + "confidence "
                    + (item.sample().confidence() == null ? "—"
                    : String.format(Locale.ROOT, "%.2f", item.sample().confidence()))
                    + (item.flags().isEmpty() ? "" : " · " + String.join(", ", item.flags())) + " · " + item.state());
            meta.setWrapText(true);
            Button accept = new Button("Accept");
            accept.setOnAction(e -> viewModel.accept(rowIndex, variant));
            Button reject = new Button("Reject");
            reject.setOnAction(e -> viewModel.reject(rowIndex, variant));
            Button edit = new Button("Edit");
            edit.setOnAction(e -> {
                TextInputDialog dialog = new TextInputDialog(annotate ? item.label() : item.text());
                dialog.setHeaderText(annotate ? "The label" : "The text");
                dialog.showAndWait().ifPresent(value -> viewModel.edit(rowIndex, variant, annotate ? null : value,
                        annotate ? value : null));
            });
            Button prefer = new Button("Prefer this one");
            prefer.setId("compare-prefer-" + rowIndex + "-" + variant);
            prefer.setOnAction(e -> viewModel.prefer(rowIndex, variant));
            VBox box = new VBox(4, output, meta, new HBox(4, accept, reject, edit, prefer));
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
