package io.siftbench.views.settings;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.views.controls.Controls;
import io.siftbench.views.controls.UnsavedEdits;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.shell.ScreenView;
import java.io.File;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Settings screen: the backends on the left; on the right the chosen backend's editor with "Test
 * connection", and the default generation parameters. The API key field never shows the key.
 */
public final class SettingsView implements ScreenView {

    private final SettingsViewModel viewModel;
    private final SplitPane root = new SplitPane();

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("settings");
        root.getStylesheets().add(SettingsView.class.getResource("settings.css").toExternalForm());
        root.getItems().addAll(backendList(), new ScrollPane(new VBox(16, editor(), parameters(), problemLine())));
        root.setDividerPositions(0.3);
    }

    private Node backendList() {
        ListView<BackendConfig> list = new ListView<>(viewModel.backends());
        list.setId("backends-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BackendConfig item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(item));
            }
        });
        Runnable stay = () -> showChosen(list);
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(viewModel.selectedProperty().get())) {
                // Asked once the list has settled: changing its selection from inside its own listener misfires,
                // and a selection the list made itself while its items were replaced is corrected by then.
                Platform.runLater(() -> {
                    if (now.equals(list.getSelectionModel().getSelectedItem())
                            && !now.equals(viewModel.selectedProperty().get())) {
                        guarded(
                                "opening the backend '" + now.name() + "'",
                                () -> viewModel.selectedProperty().set(now),
                                stay);
                    }
                });
            }
        });
        viewModel.selectedProperty().addListener((obs, was, now) -> showChosen(list));
        Button add = button("Add", "backend-add", () -> guarded("starting a new backend", viewModel::newBackend, stay));
        Button remove = button("Remove", "backend-remove", viewModel::removeSelected);
        Button makeDefault = button("Make default", "backend-default", viewModel::makeSelectedDefault);
        remove.disableProperty().bind(viewModel.selectedProperty().isNull());
        makeDefault.disableProperty().bind(viewModel.selectedProperty().isNull());
        Label empty = new Label("No backends yet: add Ollama, an OpenAI-compatible server or a GGUF file.");
        empty.setId("settings-empty");
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox box = new VBox(8, new Label("Backends"), list, new HBox(8, add, remove, makeDefault));
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private void showChosen(ListView<BackendConfig> list) {
        BackendConfig chosen = viewModel.selectedProperty().get();
        if (chosen == null) {
            list.getSelectionModel().clearSelection();
        } else {
            list.getSelectionModel().select(chosen);
        }
    }

    /**
     * Does {@code next} once the editor's unsaved edits are saved or discarded, as the researcher answers; until
     * then (and on Cancel) {@code stay} shows the edited backend still chosen.
     */
    private void guarded(String next, Runnable then, Runnable stay) {
        if (!viewModel.unsaved()) {
            then.run();
            return;
        }
        switch (UnsavedEdits.ask(root.getScene().getWindow(), editedBackend(), next)) {
            case SAVE -> {
                stay.run();
                viewModel.saveBackend(then);
            }
            case DISCARD -> then.run();
            case CANCEL -> stay.run();
        }
    }

    /** Leaving the screen keeps nothing unsaved either: the researcher saves, discards or stays. */
    @Override
    public void leave(Runnable go) {
        if (!viewModel.unsavedEdits()) {
            go.run();
            return;
        }
        String what;
        if (!viewModel.parameters().unsaved()) {
            what = editedBackend();
        } else {
            what = viewModel.unsaved() ? "Settings" : "the default parameters form";
        }
        switch (UnsavedEdits.ask(root.getScene().getWindow(), what, "leaving Settings")) {
            case SAVE -> viewModel.saveEdits(go);
            case DISCARD -> {
                viewModel.discardEdits();
                go.run();
            }
            case CANCEL -> {}
        }
    }

    /** The backend in the editor as the unsaved-edits question names it. */
    private String editedBackend() {
        BackendConfig edited = viewModel.selectedProperty().get();
        return edited == null ? "the new backend" : "the backend '" + edited.name() + "'";
    }

    private String describe(BackendConfig b) {
        String key = b.hasApiKey() ? " · key " + b.maskedApiKey() : "";
        String isDefault = b.name().equals(viewModel.settingsProperty().get().defaultBackend()) ? " (default)" : "";
        return b.name() + isDefault + "\n" + b.kind().title() + " · "
                + (b.model().isEmpty() ? b.location() : b.model()) + key
                + (b.spread() ? " · " + b.endpoints().size() + " endpoints" : "");
    }

    private Node editor() {
        GridPane form = form();
        TextField name = new TextField();
        name.setId("backend-name");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        ComboBox<BackendKind> kind = new ComboBox<>();
        kind.setId("backend-kind");
        kind.getItems().setAll(BackendKind.values());
        kind.setConverter(Controls.shownAs(BackendKind::title));
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        BooleanBinding gguf = viewModel.kindProperty().isEqualTo(BackendKind.GGUF);
        BooleanBinding openAi = viewModel.kindProperty().isEqualTo(BackendKind.OPENAI);

        TextField location = new TextField();
        location.setId("backend-location");
        location.textProperty().bindBidirectional(viewModel.locationProperty());
        Button browse = button("Browse…", "backend-browse", () -> chooseGguf(location));
        browse.visibleProperty().bind(gguf);
        HBox.setHgrow(location, Priority.ALWAYS);
        Label locationLabel = new Label();
        locationLabel.textProperty().bind(Bindings.when(gguf).then("Model file").otherwise("Server URL"));

        ComboBox<String> model = new ComboBox<>(viewModel.models());
        model.setId("backend-model");
        model.setEditable(true);
        model.setMaxWidth(Double.MAX_VALUE);
        model.valueProperty().bindBidirectional(viewModel.modelProperty());

        PasswordField key = new PasswordField();
        key.setId("backend-key");
        key.setPromptText("optional; kept in your settings folder only");
        key.textProperty().bindBidirectional(viewModel.apiKeyProperty());

        ComboBox<SchemaStyle> style = new ComboBox<>();
        style.getItems().setAll(SchemaStyle.values());
        style.setId("backend-schema-style");
        style.setConverter(Controls.shownAs(s ->
                s.title() + (s == SchemaStyle.JSON_SCHEMA ? " (OpenAI, vLLM, LM Studio)" : " (llama.cpp server)")));
        style.valueProperty().bindBidirectional(viewModel.schemaStyleProperty());

        CheckBox isDefault = new CheckBox("Default backend");
        isDefault.selectedProperty().bindBidirectional(viewModel.defaultProperty());

        int row = 0;
        form.addRow(row++, new Label("Name"), name);
        form.addRow(row++, new Label("Kind"), kind);
        form.addRow(row++, locationLabel, new HBox(8, location, browse));
        form.addRow(row++, new Label("Model"), model);
        row = optionalRow(form, row, "API key", key, gguf.not());
        row = optionalRow(form, row, "Output schema as", style, openAi);
        row = optionalRow(form, row, "Threads (0 = cores)", spinner(viewModel.threadsProperty(), 0, 256), gguf);
        row = optionalRow(form, row, "Context size", spinner(viewModel.contextSizeProperty(), 128, 1 << 20), gguf);
        Label atOnce = new Label();
        atOnce.textProperty()
                .bind(Bindings.when(Bindings.isEmpty(viewModel.moreEndpoints()))
                        .then("Requests at once")
                        .otherwise("Requests at once (this URL)"));
        form.addRow(row++, atOnce, spinner(viewModel.maxInFlightProperty(), 1, 256));
        row = optionalRow(form, row, "More endpoints", endpoints(), gguf.not());
        form.addRow(row++, new Label("Retries"), spinner(viewModel.maxRetriesProperty(), 0, 20));
        form.add(isDefault, 1, row++);

        Button save = button("Save backend", "backend-save", viewModel::saveBackend);
        save.setDefaultButton(true);
        Button discard = button("Discard edits", "backend-discard", viewModel::discardBackend);
        discard.disableProperty().bind(viewModel.unsavedProperty().not());
        Button test = button("Test connection", "backend-test", viewModel::testConnection);
        test.disableProperty().bind(viewModel.testingProperty());
        Label result = new Label();
        result.setId("backend-test-result");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.testResultProperty());
        Label detected = new Label();
        detected.setId("backend-detected");
        detected.setWrapText(true);
        detected.textProperty().bind(viewModel.detectedProperty());
        detected.managedProperty().bind(detected.textProperty().isNotEmpty());
        detected.visibleProperty().bind(detected.managedProperty());
        form.add(new HBox(8, save, discard, test), 1, row++);
        form.add(result, 1, row++);
        form.add(detected, 1, row);

        Label heading = new Label();
        heading.getStyleClass().add("title-4");
        heading.textProperty()
                .bind(Bindings.when(viewModel.selectedProperty().isNull())
                        .then("New backend")
                        .otherwise("Backend"));
        // The editor says when what it shows is not what is saved: edits typed, or restored from the last session.
        Label unsaved = new Label("Unsaved edits");
        unsaved.setId("backend-unsaved");
        unsaved.getStyleClass().add("warning");
        Controls.showWhen(viewModel.unsavedProperty(), unsaved);
        Label message = new Label();
        message.setId("settings-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        Controls.showWhen(message.textProperty().isNotEmpty(), message);
        HBox title = new HBox(12, heading, unsaved);
        title.setAlignment(Pos.BASELINE_LEFT);
        return new VBox(8, title, message, form);
    }

    private Node parameters() {
        GridPane form = form();
        form.addRow(
                0,
                new Label("Temperature"),
                field("param-temperature", viewModel.parameters().temperatureProperty()));
        form.addRow(
                1,
                new Label("Top-p"),
                field("param-top-p", viewModel.parameters().topPProperty()));
        form.addRow(
                2,
                new Label("Max tokens"),
                field("param-max-tokens", viewModel.parameters().maxTokensProperty()));
        form.addRow(
                3,
                new Label("Seed (empty = any)"),
                field("param-seed", viewModel.parameters().seedProperty()));
        form.addRow(
                4,
                new Label("Stop sequences (a | b)"),
                field("param-stop", viewModel.parameters().stopProperty()));
        form.addRow(
                5,
                new Label("Timeout (s)"),
                field("param-timeout", viewModel.parameters().timeoutSecondsProperty()));
        form.add(button("Save parameters", "params-save", viewModel::saveParameters), 1, 6);
        Label heading = new Label("Default parameters");
        heading.getStyleClass().add("title-4");
        return new VBox(8, heading, form);
    }

    private Node problemLine() {
        Label line = new Label();
        line.setId("settings-problem");
        line.getStyleClass().add("settings-problem");
        line.setWrapText(true);
        line.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.problemProperty().get() == null
                                ? ""
                                : viewModel.problemProperty().get().heading() + ": "
                                        + viewModel.problemProperty().get().message(),
                        viewModel.problemProperty()));
        return line;
    }

    private void chooseGguf(TextField location) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a GGUF model file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GGUF models", "*.gguf"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            location.setText(file.getAbsolutePath());
        }
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.setPadding(new Insets(12));
        return form;
    }

    /**
     * The backend's other servers (replicas of the same model), each with its own requests at once: a request goes
     * to the server with the fewest in flight for its limit. Enter in the URL adds one, Delete removes the chosen.
     */
    private Node endpoints() {
        ListView<Endpoint> list = new ListView<>(viewModel.moreEndpoints());
        list.setId("backend-endpoints");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Endpoint e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.location() + " · " + e.maxInFlight() + " at once");
            }
        });
        list.setPrefHeight(84);
        list.setPlaceholder(new Label("None: every request goes to the server URL above"));
        TextField url = new TextField();
        url.setId("backend-endpoint-url");
        url.setPromptText("a replica's URL");
        HBox.setHgrow(url, Priority.ALWAYS);
        Spinner<Integer> limit = new Spinner<>(1, 256, BackendConfig.DEFAULT_MAX_IN_FLIGHT);
        limit.setId("backend-endpoint-limit");
        limit.setEditable(true);
        limit.setPrefWidth(90);
        Runnable add = () -> {
            if (viewModel.addEndpoint(url.getText(), limit.getValue())) {
                url.clear();
            }
        };
        Button addButton = button("Add endpoint", "backend-endpoint-add", add);
        url.setOnAction(e -> add.run());
        Runnable remove = () -> {
            Endpoint chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                viewModel.removeEndpoint(chosen);
            }
        };
        Button removeButton = button("Remove", "backend-endpoint-remove", remove);
        removeButton
                .disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                remove.run();
                e.consume();
            }
        });
        HBox adding = new HBox(8, url, limit, addButton, removeButton);
        adding.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, list, adding);
    }

    private static int optionalRow(GridPane form, int row, String label, Node field, BooleanBinding shown) {
        Label l = new Label(label);
        for (Node n : new Node[] {l, field}) {
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
        form.addRow(row, l, field);
        return row + 1;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Spinner<Integer> spinner(IntegerProperty property, int min, int max) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get());
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().addListener((obs, was, now) -> property.set(now));
        property.addListener((obs, was, now) -> spinner.getValueFactory().setValue(now.intValue()));
        return spinner;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    @Override
    public Screen screen() {
        return Screen.SETTINGS;
    }

    @Override
    public Node node() {
        return root;
    }
}
