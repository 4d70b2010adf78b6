package io.siftbench.views.review;

import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import io.siftbench.views.shell.Shortcut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;

/**
 * The Review screen: the run picker, queue order and filters and the progress bar on top; the sample as a
 * card (keyboard first) or the queue as a table below. Without runs it says what to do first.
 */
public final class ReviewView implements ScreenView {

    private static final String ANY = "any";
    /** Finds the label doubts of the run shown (or stops finding them). */
    private static final String FIND_DOUBTS_KEY = "Shortcut+Shift+L";

    private final ReviewViewModel viewModel;
    private final StackPane root = new StackPane();
    private final BorderPane content = new BorderPane();
    private final ReviewCard card;
    private final ReviewTable table;
    private final ToggleButton cardMode = new ToggleButton("Card");
    private final ToggleButton tableMode = new ToggleButton("Table");
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList(ANY);

    private java.util.function.BiConsumer<javafx.stage.Window, Long> onExport = (owner, run) -> {};

    public ReviewView(ReviewViewModel viewModel, ObservableValue<Boolean> projectOpen) {
        this.viewModel = viewModel;
        root.getStylesheets().add(ReviewView.class.getResource("review.css").toExternalForm());
        card = new ReviewCard(viewModel);
        table = new ReviewTable(viewModel, () -> cardMode.setSelected(true));
        content.setId("review-content");
        content.setTop(toolbar());
        Label message = new Label();
        message.setId("review-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.setPadding(new Insets(4, 16, 4, 16));
        content.setBottom(message);
        showMode(true);

        Node empty = new EmptyScreenView(
                        Screen.REVIEW,
                        projectOpen,
                        "No samples to review",
                        "Start a run: its samples arrive here to be accepted, edited or rejected.")
                .node();
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.runs()));
        content.visibleProperty().bind(empty.visibleProperty().not());
        root.getChildren().addAll(content, empty);
        // The review keys work wherever the focus is on this screen, except where a key is typed as text or picks
        // from an open list; a key pressed inside the card is the card's own.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
            if (content.getCenter() == card
                    && content.isVisible()
                    && !within(focused, card)
                    && !(focused instanceof TextInputControl)
                    && !(focused instanceof ComboBoxBase<?> box && (box.isShowing() || box.isEditable()))) {
                card.keyFromScreen(e);
            }
        });
        // Each time the screen shows: runs started meanwhile appear, and the keys work without a click first.
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.reloadRuns();
                javafx.application.Platform.runLater(card::focus);
            }
        });
    }

    private FlowPane toolbar() {
        ComboBox<RunInfo> run = new ComboBox<>(viewModel.runs());
        run.setId("review-run");
        run.valueProperty().bindBidirectional(viewModel.runProperty());
        run.setConverter(Controls.shownAs(viewModel::runLabel));
        // A run chosen is a run to review: the keyboard goes to its card.
        run.setOnAction(e -> javafx.application.Platform.runLater(card::focus));

        ComboBox<QueueOrder> order = new ComboBox<>(FXCollections.observableArrayList(QueueOrder.values()));
        order.setId("review-order");
        order.valueProperty().bindBidirectional(viewModel.orderProperty());
        order.setConverter(Controls.shownAs(QueueOrder::title));

        ComboBox<String> state = choice(
                "review-filter-state",
                FXCollections.observableArrayList(
                        ANY,
                        ReviewItem.UNDECIDED,
                        DecisionStatus.ACCEPTED.id(),
                        DecisionStatus.REJECTED.id(),
                        DecisionStatus.EDITED.id(),
                        DecisionStatus.SKIPPED.id()),
                "Status");
        state.valueProperty().addListener((obs, was, now) -> viewModel
                .filterProperty()
                .set(viewModel.filterProperty().get().withStates(only(now))));
        ComboBox<String> label = choice("review-filter-label", labelChoices, "Label");
        viewModel.labels().addListener((ListChangeListener<String>) c -> {
            // Replacing every choice took the chosen one away, and the box showed nothing (not "Label: any").
            String chosen = label.getValue();
            labelChoices.remove(1, labelChoices.size());
            labelChoices.addAll(viewModel.labels());
            label.setValue(labelChoices.contains(chosen) ? chosen : ANY);
        });
        label.valueProperty().addListener((obs, was, now) -> viewModel
                .filterProperty()
                .set(viewModel.filterProperty().get().withLabels(only(now))));
        ObservableList<String> flagChoices =
                FXCollections.observableArrayList(ANY, ReviewItem.FLAG_FAILED, ReviewItem.FLAG_INVALID);
        // A curation filter's flags by its title: "label doubt" narrows the queue to the doubted samples.
        for (FlagKind kind : FlagKind.values()) {
            flagChoices.add(kind.title());
        }
        ComboBox<String> flag = choice("review-filter-flag", flagChoices, "Flag");
        flag.valueProperty().addListener((obs, was, now) -> viewModel
                .filterProperty()
                .set(viewModel.filterProperty().get().withFlags(only(now))));
        TextField condition = new TextField();
        condition.setId("review-filter-condition");
        condition.setPromptText("condition=value");
        condition.setOnAction(e -> filterCondition(condition.getText()));
        // A curation threshold: samples the newest judge run scored below it are flagged "low judge score".
        TextField minJudgeScore = new TextField();
        minJudgeScore.setId("review-min-judge-score");
        minJudgeScore.setPromptText("min judge score");
        minJudgeScore.setPrefColumnCount(8);
        minJudgeScore.setTooltip(new javafx.scene.control.Tooltip("Flag samples the newest judge run of this run"
                + " scored below this (Enter applies; empty: the judge's pass mark)"));
        minJudgeScore.setOnAction(e -> viewModel.minJudgeScore(minJudgeScore.getText()));

        ToggleGroup modes = new ToggleGroup();
        cardMode.setId("review-card-mode");
        tableMode.setId("review-table-mode-toggle");
        cardMode.setToggleGroup(modes);
        tableMode.setToggleGroup(modes);
        cardMode.setSelected(true);
        modes.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                modes.selectToggle(was);
            } else {
                showMode(now == cardMode);
            }
        });

        ProgressBar progress = new ProgressBar();
        progress.setId("review-progress");
        progress.progressProperty().bind(viewModel.progressProperty());
        Label counts = new Label();
        counts.setId("review-progress-text");
        counts.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.decidedProperty().get() + " / "
                                + viewModel.sizeProperty().get() + " decided · "
                                + Math.round(viewModel.acceptRateProperty().get() * 100) + "% accepted",
                        viewModel.decidedProperty(),
                        viewModel.acceptRateProperty(),
                        viewModel.sizeProperty()));

        Button thresholds = new Button("Thresholds…");
        thresholds.setId("review-thresholds");
        thresholds.setOnAction(e -> new CurationThresholdsDialog(
                        thresholds.getScene().getWindow(),
                        new CurationThresholdsForm(viewModel.curationProperty().get()),
                        viewModel.curationProperty()::set)
                .show());

        // One button finds the run's label doubts and, while it does, stops it.
        Button doubts = new Button();
        doubts.setId("review-find-doubts");
        doubts.textProperty()
                .bind(Bindings.when(viewModel.findingDoubtsProperty())
                        .then("Stop finding doubts")
                        .otherwise("Find label doubts"));
        doubts.disableProperty().bind(viewModel.runProperty().isNull());
        doubts.setTooltip(new javafx.scene.control.Tooltip("A student trained on the other folds (5-fold) flags the"
                + " samples whose label it finds unlikely, and suggests another (" + FIND_DOUBTS_KEY + ")"));
        doubts.setOnAction(e -> findOrStopDoubts());

        Button export = new Button("Export…");
        export.setId("review-export");
        export.disableProperty().bind(viewModel.runProperty().isNull());
        export.setOnAction(e -> onExport.accept(
                export.getScene().getWindow(), viewModel.runProperty().get().id()));
        FlowPane bar = new FlowPane(
                8,
                8,
                run,
                order,
                state,
                label,
                flag,
                condition,
                minJudgeScore,
                cardMode,
                tableMode,
                progress,
                counts,
                thresholds,
                doubts,
                export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("review-toolbar");
        return bar;
    }

    private void findOrStopDoubts() {
        if (viewModel.findingDoubtsProperty().get()) {
            viewModel.cancelLabelDoubts();
        } else {
            viewModel.findLabelDoubts();
        }
    }

    @Override
    public List<MenuItem> menuItems() {
        MenuItem find = new MenuItem();
        find.setId("menu-find-label-doubts");
        find.textProperty()
                .bind(Bindings.when(viewModel.findingDoubtsProperty())
                        .then("Stop finding label doubts")
                        .otherwise("Find label doubts"));
        find.setAccelerator(KeyCombination.keyCombination(FIND_DOUBTS_KEY));
        find.disableProperty().bind(viewModel.runProperty().isNull());
        find.setOnAction(e -> findOrStopDoubts());
        return List.of(find);
    }

    /** What the Export… button does with the run shown: open the Export dialog (wired by the shell). */
    public void setOnExport(java.util.function.BiConsumer<javafx.stage.Window, Long> action) {
        onExport = action;
    }

    /** {@code name=value} narrows the queue to that condition value; an empty field lets every value through. */
    private void filterCondition(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            viewModel.filterProperty().set(viewModel.filterProperty().get().withConditions(Map.of()));
            return;
        }
        String[] parts = trimmed.split("=", 2);
        if (parts.length == 2 && !parts[0].isBlank()) {
            viewModel
                    .filterProperty()
                    .set(viewModel.filterProperty().get().withConditions(Map.of(parts[0].strip(), parts[1].strip())));
        }
    }

    private static ComboBox<String> choice(String id, ObservableList<String> items, String prompt) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setValue(ANY);
        box.setConverter(Controls.shownAs(v -> ANY.equals(v) ? prompt + ": any" : v));
        return box;
    }

    private static boolean within(Node node, Node parent) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> only(String choice) {
        return choice == null || ANY.equals(choice) ? Set.of() : Set.of(choice);
    }

    private void showMode(boolean cards) {
        content.setCenter(cards ? card : table);
        if (cards) {
            card.focus();
        }
    }

    @Override
    public Screen screen() {
        return Screen.REVIEW;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public List<Shortcut> shortcuts() {
        List<Shortcut> keys = new ArrayList<>();
        // Beyond nine labels the keys stop at 9; the label picker (E) finds the others by typing.
        ReviewCard.DECIDING.forEach(k -> keys.add(new Shortcut(k.keys(), "a sample: " + k.what())));
        ReviewCard.EDITING.forEach(k -> keys.add(new Shortcut(k.keys(), "while editing: " + k.what())));
        ReviewCard.NOTING.forEach(k -> keys.add(new Shortcut(k.keys(), "while writing a note: " + k.what())));
        return keys;
    }
}
