package io.siftbench.views.pipelines;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.pipelines.Selection;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.controls.EmptyState;
import io.siftbench.views.controls.UnsavedEdits;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Pipelines editor: the project's pipelines on the left; the steps of the one being edited as a vertical list of
 * cards in the middle, each indented under the step it reads with an arrow naming it, its prompt version chosen from
 * the project's (or a new prompt made in the studio), its input and selection; on the right the Preview through the
 * chain. A screen of its own rather than a part of the studio: a pipeline is edited across several prompts, and the
 * studio's three columns already hold one prompt's editors.
 */
public final class PipelinesView implements ScreenView {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double INDENT = 28;

    private final PipelinesViewModel viewModel;
    private final ChainPreviewViewModel preview;
    private final BorderPane root = new BorderPane();
    private final VBox stepCards = new VBox(6);
    /** Asks the studio for a new prompt of this name and mode, for the step that will run it (wired by the shell). */
    private BiConsumer<String, PromptMode> onNewPrompt = (name, mode) -> {};

    public PipelinesView(PipelinesViewModel viewModel, ChainPreviewViewModel preview) {
        this.viewModel = viewModel;
        this.preview = preview;
        root.getStylesheets()
                .add(PipelinesView.class.getResource("pipelines.css").toExternalForm());
        root.setTop(toolbar());
        SplitPane columns = new SplitPane(pipelineList(), stepsPane(), previewPane());
        columns.setDividerPositions(0.16, 0.58);
        root.setCenter(columns);
        viewModel.draft().steps().addListener((ListChangeListener<StepDraft>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            }
            if (structural) {
                buildCards();
            } else {
                refreshCards();
            }
        });
        preview.selectedStepProperty().addListener((obs, was, now) -> refreshCards());
        buildCards();
    }

    private Node toolbar() {
        Button newPipeline = new Button("New pipeline", new FontIcon(Material2AL.ADD));
        newPipeline.setId("pipeline-new");
        newPipeline.setOnAction(e -> guarded("starting a new pipeline", viewModel::newPipeline));
        TextField name = Controls.boundField(
                "pipeline-name", "pipeline name", viewModel.draft().nameProperty());
        name.setPrefColumnCount(14);
        TextField note = Controls.boundField(
                "pipeline-note", "why this version exists", viewModel.draft().noteProperty());
        note.setPrefColumnCount(22);
        // The note gives way in the toolbar: what its width leaves out shows whole on hover.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(note.textProperty());
        note.tooltipProperty()
                .bind(Bindings.when(note.textProperty().isEmpty())
                        .then((javafx.scene.control.Tooltip) null)
                        .otherwise(whole));
        HBox.setHgrow(note, Priority.ALWAYS);
        Button save = new Button("Save version");
        save.setId("pipeline-save");
        save.disableProperty().bind(viewModel.noProjectBinding().or(viewModel.savingProperty()));
        save.setOnAction(e -> viewModel.save());
        Label unsaved = new Label("● unsaved");
        unsaved.setId("pipeline-unsaved");
        unsaved.getStyleClass().add("unsaved-mark");
        Controls.showWhen(viewModel.unsavedProperty(), unsaved);
        HBox bar = new HBox(8, newPipeline, name, note, save, unsaved);
        bar.setAlignment(Pos.CENTER_LEFT);
        // Only the note gives way in a narrow window: the buttons and the name keep their text.
        for (javafx.scene.layout.Region r : List.of(newPipeline, name, save, unsaved)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        bar.setPadding(new Insets(8));
        Label status = new Label();
        status.setId("pipeline-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.messageProperty());
        Label refusal = new Label();
        refusal.setId("pipeline-refusal");
        refusal.getStyleClass().add("danger");
        refusal.setWrapText(true);
        refusal.textProperty().bind(viewModel.refusalProperty());
        Controls.showWhen(viewModel.refusalProperty().isNotEmpty(), refusal);
        VBox lines = new VBox(4, status, refusal);
        lines.setPadding(new Insets(0, 8, 6, 8));
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        return new VBox(bar, lines);
    }

    private Node pipelineList() {
        ListView<StoredPipeline> list = new ListView<>(viewModel.pipelines());
        list.setId("pipeline-list");
        EmptyState empty = new EmptyState(Screen.PIPELINES.icon(), "", "").compact();
        empty.setId("pipelines-empty");
        empty.titleProperty()
                .bind(Bindings.when(viewModel.noProjectBinding())
                        .then(EmptyScreenView.NO_PROJECT_TITLE)
                        .otherwise("No pipelines yet"));
        empty.messageProperty()
                .bind(Bindings.when(viewModel.noProjectBinding())
                        .then(EmptyScreenView.NO_PROJECT_HINT)
                        .otherwise("Make the steps on the right and save them as version 1."));
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new ListCell<>() {
            {
                // Wrapped to the list's width: a long name takes a second line rather than a scroll bar.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(StoredPipeline item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                        empty || item == null
                                ? null
                                : item.name() + "  v" + item.version() + " · "
                                        + item.pipeline().steps().size() + " steps");
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        Button open = new Button("Open");
        open.setId("pipeline-open");
        open.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> open(list.getSelectionModel().getSelectedItem()));
        Label title = new Label("Pipelines");
        title.getStyleClass().add("title-4");
        VBox box = new VBox(6, title, list, open);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private void open(StoredPipeline version) {
        if (version != null) {
            guarded("opening " + version.name() + " v" + version.version(), () -> viewModel.open(version));
        }
    }

    private Node stepsPane() {
        Button add = new Button("Add step", new FontIcon(Material2AL.ADD));
        add.setId("pipeline-add-step");
        add.setOnAction(e -> viewModel.addStep());
        stepCards.setPadding(new Insets(6));
        VBox content = new VBox(8, stepCards, add);
        content.setPadding(new Insets(0, 0, 8, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("pipeline-steps");
        return scroll;
    }

    /** One card per step, in order; made again when steps are added or removed. */
    private void buildCards() {
        ObservableList<StepDraft> steps = viewModel.draft().steps();
        stepCards.getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            stepCards.getChildren().add(card(i, steps.get(i)));
        }
        refreshCards();
    }

    private Node card(int index, StepDraft step) {
        Label number = new Label(String.valueOf(index + 1));
        number.getStyleClass().add("step-number");
        TextField name = Controls.boundField("step-name-" + index, "step name", step.nameProperty());
        name.setPrefColumnCount(10);
        Button remove = new Button("", new FontIcon(Material2AL.DELETE));
        remove.setId("step-remove-" + index);
        remove.setTooltip(new javafx.scene.control.Tooltip("Remove this step"));
        remove.setOnAction(e -> viewModel.removeStep(step));
        HBox header = new HBox(8, number, name, remove);
        header.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> prompt = Controls.chooser("step-prompt-" + index, viewModel.prompts(), step.promptProperty());
        prompt.setPromptText("choose a prompt version");
        prompt.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(prompt, Priority.ALWAYS);
        Button newPrompt = new Button("New prompt…");
        newPrompt.setId("step-new-prompt-" + index);
        newPrompt.setMinWidth(Button.USE_PREF_SIZE);
        newPrompt.setOnAction(e -> {
            String pipeline = viewModel.draft().nameProperty().get();
            String made = (pipeline == null || pipeline.isBlank() ? "" : pipeline.strip() + "-")
                    + step.nameProperty().get();
            step.promptProperty().set(made);
            onNewPrompt.accept(
                    made, "dataset".equals(step.inputProperty().get()) ? PromptMode.ANNOTATE : PromptMode.SYNTHESIZE);
        });
        HBox promptRow = new HBox(8, fixed("prompt"), prompt, newPrompt);
        promptRow.setAlignment(Pos.CENTER_LEFT);

        ObservableList<String> inputs = FXCollections.observableArrayList();
        ComboBox<String> input = Controls.chooser("step-input-" + index, inputs, step.inputProperty());
        input.setConverter(Controls.shownAs(PipelinesView::inputShown));
        ComboBox<String> select = Controls.chooser(
                "step-select-" + index,
                FXCollections.observableArrayList(
                        Arrays.stream(Selection.values()).map(Selection::id).toList()),
                step.selectProperty());
        select.setConverter(Controls.shownAs(s -> s.isEmpty() ? "all valid" : s.replace('-', ' ')));
        select.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // A row of its own: beside the input, the longer selections ("passing filters") left the input cut.
        HBox selectPair = new HBox(8, fixed("takes"), select);
        selectPair.setAlignment(Pos.CENTER_LEFT);
        Controls.showWhen(
                Bindings.createBooleanBinding(
                        () -> step.inputProperty().get() != null
                                && step.inputProperty().get().startsWith("step:"),
                        step.inputProperty()),
                selectPair);
        input.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(input, Priority.ALWAYS);
        HBox inputRow = new HBox(8, fixed("input"), input);
        inputRow.setAlignment(Pos.CENTER_LEFT);

        Label arrow = new Label();
        arrow.setId("step-arrow-" + index);
        arrow.getStyleClass().add("step-arrow");
        arrow.setGraphic(new FontIcon(Material2MZ.SUBDIRECTORY_ARROW_RIGHT));
        VBox card = new VBox(6, arrow, header, promptRow, inputRow, selectPair);
        card.setId("step-card-" + index);
        card.getStyleClass().add("step-card");
        card.setUserData(new CardParts(inputs, arrow));
        // A filter: a press on any field of the card chooses the step as well.
        card.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> preview.selectedStepProperty()
                .set(index));
        name.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                preview.selectedStepProperty().set(index);
            }
        });
        return card;
    }

    /** What a card changes as the steps are edited: its input choices and the arrow from the step it reads. */
    private record CardParts(ObservableList<String> inputs, Label arrow) {}

    /** Indents each card under the step it continues and names that step on its arrow. */
    private void refreshCards() {
        PipelineDraft draft = viewModel.draft();
        for (int i = 0; i < stepCards.getChildren().size(); i++) {
            Node card = stepCards.getChildren().get(i);
            CardParts parts = (CardParts) card.getUserData();
            List<String> choices = draft.inputChoices(i);
            if (!parts.inputs().equals(choices)) {
                parts.inputs().setAll(choices);
            }
            String input = draft.steps().get(i).inputProperty().get();
            String arrowText = arrowText(draft, input);
            parts.arrow().setText(arrowText);
            parts.arrow().setVisible(!arrowText.isEmpty());
            parts.arrow().setManaged(!arrowText.isEmpty());
            VBox.setMargin(card, new Insets(0, 0, 0, INDENT * draft.depth(i)));
            card.pseudoClassStateChanged(
                    SELECTED, preview.selectedStepProperty().get() == i);
        }
    }

    /** "reads step 1 question (all valid)", "annotates the run's dataset" or nothing, for a step's input. */
    private static String arrowText(PipelineDraft draft, String input) {
        if (input == null || !input.startsWith("step:")) {
            return "dataset".equals(input) ? "annotates the run's dataset" : "";
        }
        String read = input.substring("step:".length());
        var at = draft.pipeline().indexOf(read);
        return at.isPresent()
                ? "reads step " + (at.getAsInt() + 1) + " " + read
                : "reads step " + read + " (none such)";
    }

    private static String inputShown(String input) {
        return switch (input) {
            case "none" -> "none (its condition plan)";
            case "dataset" -> "the run's dataset";
            default -> input.startsWith("step:") ? "step " + input.substring("step:".length()) : input;
        };
    }

    private static Label fixed(String text) {
        Label label = new Label(text);
        // As wide as the widest, "prompt", so that the fields of a card line up.
        label.setMinWidth(Label.USE_PREF_SIZE);
        label.setPrefWidth(
                new javafx.scene.text.Text("prompt").getLayoutBounds().getWidth() + 8);
        return label;
    }

    private Node previewPane() {
        ComboBox<BackendConfig> backend = new ComboBox<>(preview.generation().backends());
        backend.setId("chain-backend");
        backend.valueProperty().bindBidirectional(preview.generation().backendProperty());
        backend.setConverter(Controls.shownAs(BackendConfig::name));
        backend.setOnShowing(e -> preview.loadBackends());
        TextField model =
                Controls.boundField("chain-model", "model", preview.generation().modelProperty());
        model.setPrefColumnCount(8);
        ComboBox<String> dataset = Controls.chooser("chain-dataset", viewModel.datasets(), preview.datasetProperty());
        dataset.setConverter(Controls.shownAs(d -> d.isEmpty() ? "choose the dataset" : d));
        dataset.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox datasetPair = Controls.labelled("dataset", dataset);
        // Only a pipeline with a step that annotates the run's dataset needs one.
        Controls.showWhen(
                Bindings.createBooleanBinding(
                        () -> viewModel.draft().steps().stream().anyMatch(st -> "dataset"
                                .equals(st.inputProperty().get())),
                        viewModel.draft().steps()),
                datasetPair);
        Button run = new Button("Preview " + ChainPreviewViewModel.SLOTS);
        run.setId("chain-preview");
        run.disableProperty().bind(preview.runningProperty().or(viewModel.noProjectBinding()));
        run.setOnAction(e -> preview.preview());
        Button cancel = new Button("Cancel");
        cancel.setId("chain-cancel");
        cancel.disableProperty().bind(preview.runningProperty().not());
        cancel.setOnAction(e -> preview.cancel());
        FlowPane bar = Controls.toolbar(8, backend, model, datasetPair, run, cancel);
        bar.setPadding(new Insets(6));
        Label message = new Label();
        message.setId("chain-message");
        message.setWrapText(true);
        message.textProperty().bind(preview.messageProperty());
        message.setPadding(new Insets(0, 6, 0, 6));

        TextArea rendered = new TextArea();
        rendered.setId("chain-rendered");
        rendered.setEditable(false);
        rendered.setWrapText(true);
        rendered.setPromptText("The selected step's prompt, rendered with the earlier steps' outputs, shows here"
                + " after a preview.");
        rendered.textProperty().bind(preview.renderedProperty());
        VBox chainBoxes = new VBox(10);
        chainBoxes.setId("chain-results");
        chainBoxes.setPadding(new Insets(6));
        Label none = new Label(
                "Preview runs " + ChainPreviewViewModel.SLOTS + " slots through every step; nothing is stored.");
        none.setWrapText(true);
        Runnable showChains = () -> {
            chainBoxes.getChildren().clear();
            if (preview.chains().isEmpty()) {
                chainBoxes.getChildren().add(none);
            }
            for (int k = 0; k < preview.chains().size(); k++) {
                chainBoxes.getChildren().add(chainBox(k, preview.chains().get(k)));
            }
        };
        preview.chains().addListener((ListChangeListener<ChainPreview.Chain>) c -> showChains.run());
        showChains.run();
        ScrollPane chains = new ScrollPane(chainBoxes);
        chains.setFitToWidth(true);
        SplitPane split = new SplitPane(chains, rendered);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(4, bar, message, split);
        preview.loadBackends();
        return box;
    }

    /** A chain as the preview shows it: "Chain 1", then each step's name above its text, in step order. */
    private static Node chainBox(int index, ChainPreview.Chain chain) {
        Label title = new Label("Chain " + (index + 1));
        title.getStyleClass().add("title-4");
        VBox box = new VBox(2, title);
        box.getStyleClass().add("chain-box");
        for (ChainPreview.Link link : chain.links()) {
            Label step = new Label((link.step() + 1) + " " + link.stepName());
            step.getStyleClass().add("chain-step");
            Label text = new Label(ChainPreviewViewModel.output(link.sample()));
            text.setId("chain-" + index + "-step-" + link.step());
            text.setWrapText(true);
            box.getChildren().addAll(step, text);
        }
        return box;
    }

    /** Does {@code next} once the draft's unsaved edits are saved or discarded, as the researcher answers. */
    private void guarded(String next, Runnable then) {
        if (!viewModel.unsaved()) {
            then.run();
            return;
        }
        String name = viewModel.draft().nameProperty().get();
        switch (UnsavedEdits.ask(
                root.getScene().getWindow(),
                name == null || name.isBlank() ? "the pipeline" : "the pipeline '" + name + "'",
                next)) {
            case SAVE -> viewModel.save(then);
            case DISCARD -> then.run();
            case CANCEL -> {}
        }
    }

    @Override
    public void leave(Runnable go) {
        guarded("leaving the Pipelines editor", () -> {
            if (viewModel.unsaved()) {
                viewModel.discard();
            }
            go.run();
        });
    }

    /** What "New prompt…" of a step does: open the studio on a new prompt of that name and mode (the shell's). */
    public void setOnNewPrompt(BiConsumer<String, PromptMode> action) {
        onNewPrompt = action;
    }

    @Override
    public Screen screen() {
        return Screen.PIPELINES;
    }

    @Override
    public Node node() {
        return root;
    }
}
