package io.siftbench.views.prompts;

import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.DiffLine;
import io.siftbench.model.prompts.PlanKind;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.controls.EmptyState;
import io.siftbench.views.controls.UnsavedEdits;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.IntegerStringConverter;
import javafx.util.converter.LongStringConverter;

/**
 * The Prompt studio: versions on the left; task specification and templates in the middle; conditions,
 * plan, demonstrations and output schema on the right; the rendered prompt (and version diffs) below.
 */
public final class PromptStudioView implements ScreenView {

    private final PromptStudioViewModel viewModel;
    private final PromptDraft draft;
    private final LivePreview live;
    private final PromptVersions versions;
    private final PromptFileDialogs dialogs;
    private final PreviewViewModel samplePreview;
    private final BorderPane root = new BorderPane();

    public PromptStudioView(
            PromptStudioViewModel viewModel, PromptFileDialogs dialogs, PreviewViewModel samplePreview) {
        this.viewModel = viewModel;
        this.draft = viewModel.draft();
        this.live = viewModel.livePreview();
        this.versions = viewModel.versions();
        this.dialogs = dialogs;
        this.samplePreview = samplePreview;
        root.getStyleClass().add("prompt-studio");
        root.getStylesheets()
                .add(PromptStudioView.class.getResource("prompt-studio.css").toExternalForm());
        root.setTop(toolbar());
        SplitPane middle = new SplitPane(new ScrollPane(editors()), preview());
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.55);
        ScrollPane right = new ScrollPane(rightPane());
        right.setFitToWidth(true);
        SplitPane columns = new SplitPane(versionList(), middle, right);
        // The right pane holds the condition values beside their weights and buttons: it gets the room to show
        // a value such as "lost_or_stolen_card" whole at 1280×800.
        columns.setDividerPositions(0.15, 0.58);
        root.setCenter(columns);
    }

    private Node toolbar() {
        Button newPrompt = new Button("New prompt");
        newPrompt.setOnAction(e -> guarded("starting a new prompt", viewModel::newPrompt));
        TextField name = new TextField();
        name.setId("prompt-name");
        name.setPromptText("prompt name");
        name.textProperty().bindBidirectional(draft.nameProperty());
        ComboBox<PromptMode> mode = new ComboBox<>();
        mode.setId("prompt-mode");
        mode.getItems().setAll(PromptMode.values());
        mode.setConverter(Controls.shownAs(PromptMode::id));
        mode.valueProperty().bindBidirectional(draft.modeProperty());
        TextField note = new TextField();
        note.setId("prompt-note");
        note.setPromptText("why this version exists");
        note.textProperty().bindBidirectional(draft.noteProperty());
        // The note gives way in the toolbar: what its width leaves out shows whole on hover.
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(note.textProperty());
        note.tooltipProperty()
                .bind(Bindings.when(note.textProperty().isEmpty())
                        .then((Tooltip) null)
                        .otherwise(whole));
        HBox.setHgrow(note, Priority.ALWAYS);
        Button save = new Button("Save version");
        save.setId("prompt-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(viewModel.noProjectBinding());
        save.setOnAction(e -> versions.save());
        Button importFile = new Button("Import…");
        importFile.setId("prompt-import");
        importFile.setOnAction(e -> dialogs.chooseImport(root.getScene().getWindow())
                .ifPresent(file -> guarded(
                        "importing " + file.getFileName(),
                        () -> viewModel.files().importFrom(file))));
        Button exportFile = new Button("Export…");
        exportFile.setId("prompt-export");
        exportFile.setOnAction(e -> dialogs.chooseExport(
                        root.getScene().getWindow(), draft.nameProperty().get())
                .ifPresent(viewModel.files()::exportTo));
        Label status = new Label();
        status.setId("prompt-status");
        status.textProperty().bind(viewModel.messageProperty());
        HBox bar = new HBox(8, newPrompt, name, mode, note, save, importFile, exportFile);
        bar.getStyleClass().add("toolbar");
        // Only the note gives way in a narrow window: the buttons and the prompt's name and mode keep their text.
        for (javafx.scene.layout.Region r : List.of(newPrompt, name, mode, save, importFile, exportFile)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        // What was just done gets a line of its own, so that a long message never squeezes the buttons.
        status.setWrapText(true);
        status.setPadding(new javafx.geometry.Insets(0, 8, 4, 8));
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        return new VBox(bar, status);
    }

    /**
     * Starts a new prompt called {@code name} in {@code mode} once the draft's unsaved edits are saved or discarded:
     * what a pipeline step's "New prompt…" opens the studio with.
     */
    public void startNewPrompt(String name, PromptMode mode) {
        guarded("starting the prompt '" + name + "'", () -> {
            viewModel.newPrompt();
            draft.nameProperty().set(name);
            draft.modeProperty().set(mode);
        });
    }

    private void open(StoredVersion version) {
        guarded("opening " + version.name() + " v" + version.version(), () -> versions.open(version));
    }

    /** Does {@code next} once the draft's unsaved edits are saved or discarded, as the researcher answers. */
    private void guarded(String next, Runnable then) {
        if (!viewModel.unsaved()) {
            then.run();
            return;
        }
        String name = draft.nameProperty().get();
        switch (UnsavedEdits.ask(
                root.getScene().getWindow(),
                name == null || name.isBlank() ? "the prompt" : "the prompt '" + name + "'",
                next)) {
            case SAVE -> versions.save(then);
            case DISCARD -> then.run();
            case CANCEL -> {}
        }
    }

    private Node versionList() {
        ListView<StoredVersion> list = new ListView<>(versions.all());
        list.setId("prompt-versions");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StoredVersion item, boolean empty) {
                super.updateItem(item, empty);
                setText(
                        empty || item == null
                                ? null
                                : item.name() + "  v" + item.version()
                                        + (item.note().isBlank() ? "" : " — " + item.note()));
            }
        });
        // Like every screen of the shell, an empty project says so, and says what to do first.
        EmptyState empty = new EmptyState(Screen.PROMPT_STUDIO.icon(), "", "").compact();
        empty.setId("prompt-studio-empty");
        empty.titleProperty()
                .bind(Bindings.when(viewModel.noProjectBinding())
                        .then(EmptyScreenView.NO_PROJECT_TITLE)
                        .otherwise("No prompts yet"));
        empty.messageProperty()
                .bind(Bindings.when(viewModel.noProjectBinding())
                        .then(EmptyScreenView.NO_PROJECT_HINT)
                        .otherwise("Edit the example on the right and save it to make version 1."));
        list.setPlaceholder(empty);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        Button open = new Button("Open");
        open.setId("prompt-open");
        open.disableProperty()
                .bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        open.setOnAction(e -> open(list.getSelectionModel().getSelectedItem()));
        Button diff = new Button("Diff two");
        diff.setTooltip(
                new javafx.scene.control.Tooltip("Select two versions of one prompt (Ctrl+click) to see what changed"));
        diff.disableProperty()
                .bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        diff.setOnAction(e -> {
            List<StoredVersion> two = List.copyOf(list.getSelectionModel().getSelectedItems());
            boolean firstOlder = two.get(0).version() < two.get(1).version();
            versions.compare(firstOlder ? two.get(0) : two.get(1), firstOlder ? two.get(1) : two.get(0));
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, heading("Versions"), list, new HBox(6, open, diff));
        box.getStyleClass().add("pane");
        return box;
    }

    private Node editors() {
        TextField role = Controls.boundField("task-role", "You are …", draft.roleProperty());
        TextField purpose = Controls.boundField("task-purpose", "what the model should do", draft.purposeProperty());
        TextField format = Controls.boundField("task-format", "how it should answer", draft.formatProperty());
        TextArea labels = new TextArea();
        labels.setId("task-labels");
        labels.setPromptText("one label a line: name | description | verbalizer");
        labels.setPrefRowCount(4);
        labels.textProperty().bindBidirectional(draft.labelsProperty());
        CheckBox rationale = new CheckBox("ask for a rationale");
        rationale.selectedProperty().bindBidirectional(draft.rationaleProperty());
        CheckBox confidence = new CheckBox("ask for a confidence");
        confidence.selectedProperty().bindBidirectional(draft.confidenceProperty());
        Label labelsTitle = new Label("Labels");
        HBox asks = new HBox(12, rationale, confidence);
        // A judge answers with a score (or pass/fail) and a reason: its scale stands where the label set would.
        Label scaleTitle = new Label("Scale (the judge answers with a score and a reason)");
        ScaleEditor scale = new ScaleEditor(draft.scale());
        // Only annotation chooses among labels: a synthesis says what it writes in its output schema instead.
        Controls.showWhen(draft.modeProperty().isEqualTo(PromptMode.ANNOTATE), labelsTitle, labels);
        Controls.showWhen(judges().not(), asks);
        Controls.showWhen(judges(), scaleTitle, scale);
        TemplateEditor system = new TemplateEditor(
                "System message", "template-system", draft.systemTemplateProperty(), live::placeholders);
        TemplateEditor user =
                new TemplateEditor("User message", "template-user", draft.userTemplateProperty(), live::placeholders);
        // What a placeholder resolves against can change without its template changing.
        Runnable redraw = () -> {
            system.redraw(draft.systemTemplateProperty().get());
            user.redraw(draft.userTemplateProperty().get());
        };
        draft.conditions().addListener((ListChangeListener<Object>) c -> redraw.run());
        live.sampleRecordProperty().addListener((obs, was, now) -> redraw.run());
        draft.modeProperty().addListener((obs, was, now) -> redraw.run());
        viewModel.judged().currentProperty().addListener((obs, was, now) -> redraw.run());
        VBox box = new VBox(
                6,
                heading("Task specification"),
                new Label("Role"),
                role,
                new Label("Purpose"),
                purpose,
                new Label("Output format"),
                format,
                labelsTitle,
                labels,
                asks,
                scaleTitle,
                scale,
                heading("Template"),
                system,
                user);
        box.getStyleClass().add("pane");
        return box;
    }

    private Node rightPane() {
        ComboBox<PlanKind> plan = new ComboBox<>();
        plan.getItems().setAll(PlanKind.values());
        plan.valueProperty().bindBidirectional(draft.planKindProperty());
        TextField seed = Controls.numberField(null, draft.planSeedProperty(), new LongStringConverter(), 6);
        Label combinations = new Label();
        combinations.setId("prompt-combinations");
        combinations
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> live.combinationsProperty().get()
                                + (live.combinationsProperty().get() == 1 ? " combination" : " combinations")
                                + " of the switched-on values",
                        live.combinationsProperty()));
        TextArea schema = new TextArea();
        schema.setId("output-schema");
        schema.setPrefRowCount(8);
        schema.textProperty().bindBidirectional(draft.outputSchemaProperty());
        schema.setPromptText("the JSON schema of a generated sample");
        TextArea derived = readOnly("output-schema-derived", 8);
        derived.textProperty().bind(live.derivedSchemaProperty());
        // Annotation derives its schema from the labels; only synthesis has one, written as fields or as JSON.
        SchemaFieldsEditor fields = new SchemaFieldsEditor(draft.outputSchemaProperty());
        schema.visibleProperty().bind(draft.modeProperty().isEqualTo(PromptMode.SYNTHESIZE));
        fields.visibleProperty().bind(schema.visibleProperty());
        fields.managedProperty().bind(schema.visibleProperty());
        schema.managedProperty().bind(schema.visibleProperty());
        derived.visibleProperty().bind(schema.visibleProperty().not());
        derived.managedProperty().bind(derived.visibleProperty());
        Label conditionsHeading = heading("Conditions");
        ConditionsEditor conditions = new ConditionsEditor(draft);
        Label planHeading = heading("Condition plan");
        HBox planRow = new HBox(6, plan, word("seed"), seed);
        Label judgeConditions = new Label("A judge declares no conditions: its template sees the judged sample's"
                + " values as {{condition.NAME}}.");
        judgeConditions.setId("judge-conditions");
        judgeConditions.setWrapText(true);
        Controls.showWhen(judges().not(), conditionsHeading, conditions, combinations, planHeading, planRow);
        Controls.showWhen(judges(), judgeConditions);
        VBox box = new VBox(
                8,
                conditionsHeading,
                conditions,
                combinations,
                planHeading,
                planRow,
                judgeConditions,
                heading("Demonstrations"),
                demonstrations(),
                heading("Output schema"),
                fields,
                schema,
                derived);
        box.getStyleClass().add("pane");
        return box;
    }

    private Node demonstrations() {
        // Choosers filled from the project, not names to type: the dataset, then its columns, with the columns
        // marked at import as the defaults.
        DatasetChoices choices = viewModel.datasets();
        ComboBox<String> dataset = Controls.chooser("demo-dataset", choices.names(), draft.demoDatasetProperty());
        dataset.setConverter(Controls.shownAs(name -> name.isEmpty() ? "no demonstrations" : name));
        ComboBox<String> text =
                Controls.chooser("demo-text", FXCollections.observableArrayList(), draft.demoTextProperty());
        ComboBox<String> label =
                Controls.chooser("demo-label", FXCollections.observableArrayList(), draft.demoLabelProperty());
        Runnable columns = () -> {
            List<String> of = choices.columns(draft.demoDatasetProperty().get());
            text.getItems().setAll(of);
            label.getItems().setAll(of);
            choices.find(draft.demoDatasetProperty().get()).ifPresent(d -> {
                if (!of.contains(draft.demoTextProperty().get()) && d.textColumn() != null) {
                    draft.demoTextProperty().set(d.textColumn());
                }
                if (!of.contains(draft.demoLabelProperty().get()) && d.labelColumn() != null) {
                    draft.demoLabelProperty().set(d.labelColumn());
                }
            });
        };
        draft.demoDatasetProperty().addListener((obs, was, now) -> {
            if (!now.isBlank() && choices.find(now).isEmpty()) {
                choices.reload();
            }
            columns.run();
        });
        choices.names().addListener((ListChangeListener<String>) c -> columns.run());
        dataset.setOnShowing(e -> choices.reload());
        ComboBox<DemonstrationStrategy> strategy = new ComboBox<>();
        strategy.setId("demo-strategy");
        strategy.getItems().setAll(DemonstrationStrategy.values());
        strategy.valueProperty().bindBidirectional(draft.demoStrategyProperty());
        TextField k = Controls.numberField(null, draft.demoKProperty(), new IntegerStringConverter(), 3);
        TextField seed = Controls.numberField(null, draft.demoSeedProperty(), new LongStringConverter(), 6);
        TextField ids =
                Controls.boundField("demo-ids", "record ids for fixed, e.g. 3, 17, 42", draft.demoIdsProperty());
        ids.disableProperty().bind(draft.demoStrategyProperty().isNotEqualTo(DemonstrationStrategy.FIXED));
        VBox box = new VBox(
                4,
                dataset,
                new HBox(6, strategy, word("k"), k, word("seed"), seed),
                new HBox(6, word("text"), text, word("label"), label),
                ids);
        for (Node n : List.of(strategy, k, seed, text, label)) {
            n.disableProperty().bind(draft.demoDatasetProperty().isEmpty());
        }
        return box;
    }

    /** A field's one-word name in a row of fields: the fields give way in a narrow pane, the name does not. */
    private static Label word(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** Below the editors: the draft rendered, the diff of two versions, and the preview's samples. */
    private Node preview() {
        ListView<DiffLine> diff = new ListView<>(versions.diff());
        diff.setId("prompt-diff");
        diff.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DiffLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                String sign =
                        switch (line.kind()) {
                            case ADDED -> "+ ";
                            case REMOVED -> "- ";
                            case SAME -> "  ";
                        };
                setText(sign + line.text());
                if (line.kind() != DiffLine.Kind.SAME) {
                    getStyleClass().add(line.kind() == DiffLine.Kind.ADDED ? "diff-added" : "diff-removed");
                }
            }
        });
        TabPane tabs = new TabPane(
                new Tab("Rendered prompt", new ScrollPane(new RenderedPromptPane(viewModel))),
                new Tab("Diff", diff),
                new Tab("Preview " + PreviewViewModel.SAMPLES, new PreviewPane(samplePreview)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ((ScrollPane) tabs.getTabs().get(0).getContent()).setFitToWidth(true);
        versions.diff().addListener((ListChangeListener<DiffLine>)
                c -> tabs.getSelectionModel().select(1));
        return tabs;
    }

    private BooleanBinding judges() {
        return draft.modeProperty().isEqualTo(PromptMode.JUDGE);
    }

    /** A text area the user reads and copies from, not edits. */
    static TextArea readOnly(String id, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        return area;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    @Override
    public Screen screen() {
        return Screen.PROMPT_STUDIO;
    }

    @Override
    public Node node() {
        return root;
    }
}
