package io.siftbench.views.settings;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendProbe;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.ConnectionReport;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.ServerKind;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings screen's backends: the list, an editor for the chosen one (or a new one), "Test connection"
 * in the background, the default backend and the default generation parameters. Every change is saved to
 * the user's backends file in the background. The API key is typed in, never shown: the list shows it
 * masked.
 */
public final class SettingsViewModel {

    private final BackendSettingsRepository repository;
    private final BackendProbe probe;
    private final TaskExecutor tasks;

    private final ReadOnlyObjectWrapper<BackendSettings> settings =
            new ReadOnlyObjectWrapper<>(this, "settings", BackendSettings.EMPTY);
    private final ObservableList<BackendConfig> backends = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<BackendConfig> backendsReadOnly = FXCollections.unmodifiableObservableList(backends);

    private final ObjectProperty<BackendConfig> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyStringWrapper detected = new ReadOnlyStringWrapper(this, "detected", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<String> modelsReadOnly = FXCollections.unmodifiableObservableList(models);
    /** False after a file that could not be read: saving over it would lose the user's backends. */
    private boolean writable = true;
    /** The editor as last filled from a backend (or blank for a new one); an edit away from it is unsaved. */
    private Editor filled;
    /**
     * What the location field held for the other sort of kind (a file for GGUF, a server), so that switching the
     * kind neither carries a server URL into "Model file" nor loses what was typed there.
     */
    private String otherLocation = "";
    /** The same for the model field: a server's model is no model of a file. */
    private String otherModel = "";
    /** True while {@link #edit} fills the fields: a kind set then is the backend's, not a switch. */
    private boolean filling;

    // The editor.
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<BackendKind> kind = new SimpleObjectProperty<>(this, "kind", BackendKind.OLLAMA);
    private final StringProperty location = new SimpleStringProperty(this, "location", "");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final ObjectProperty<SchemaStyle> schemaStyle =
            new SimpleObjectProperty<>(this, "schemaStyle", SchemaStyle.JSON_SCHEMA);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", 0);
    private final IntegerProperty contextSize =
            new SimpleIntegerProperty(this, "contextSize", BackendConfig.DEFAULT_CONTEXT_SIZE);
    private final IntegerProperty maxInFlight =
            new SimpleIntegerProperty(this, "maxInFlight", BackendConfig.DEFAULT_MAX_IN_FLIGHT);
    private final IntegerProperty maxRetries =
            new SimpleIntegerProperty(this, "maxRetries", BackendConfig.DEFAULT_MAX_RETRIES);
    private final BooleanProperty isDefault = new SimpleBooleanProperty(this, "default");

    private final DefaultParametersForm parameters = new DefaultParametersForm();

    public SettingsViewModel(BackendSettingsRepository repository, BackendProbe probe, TaskExecutor tasks) {
        this.repository = repository;
        this.probe = probe;
        this.tasks = tasks;
        selected.addListener((obs, was, now) -> edit(now));
        kind.addListener((obs, was, now) -> switchSort(was, now));
        edit(null);
        load();
    }

    /** Reads the backends file again, in the background. */
    public void load() {
        tasks.execute(BackgroundTask.of("Reading backends", progress -> repository.load())
                .quiet()
                .onSuccess(loaded -> {
                    writable = true;
                    show(loaded);
                    // Read again after another screen saved a backend: what is being typed here stays.
                    if (!parameters.unsaved()) {
                        parameters.show(loaded.defaults());
                    }
                })
                .onFailure(error -> {
                    writable = false;
                    problem.set(Problem.of("Your backends could not be read; fix or remove the file", error));
                }));
    }

    // ---- commands ----

    /** Empties the editor for a new backend. */
    public void newBackend() {
        selected.set(null);
        edit(null);
    }

    /** Saves the editor: a new backend, or the chosen one changed. */
    public void saveBackend() {
        saveBackend(() -> {});
    }

    /** Saves the editor, then does {@code then}; if the backend is not saved, says why and does nothing more. */
    public void saveBackend(Runnable then) {
        BackendConfig config;
        BackendSettings next;
        try {
            config = editedConfig();
            BackendConfig previous = selected.get();
            next = settings.get().with(previous == null ? null : previous.name(), config);
            if (isDefault.get()) {
                next = next.withDefault(config.name());
            }
        } catch (IllegalArgumentException e) {
            problem.set(Problem.of("The backend was not saved", e));
            return;
        }
        persist(next, config.name(), then);
    }

    /** Whether the editor differs from the backend it was filled from, or from a blank new one. */
    public boolean unsaved() {
        return !Editor.of(this).equals(filled);
    }

    public void removeSelected() {
        BackendConfig chosen = selected.get();
        if (chosen != null) {
            persist(settings.get().without(chosen.name()), null);
        }
    }

    public void makeSelectedDefault() {
        BackendConfig chosen = selected.get();
        if (chosen != null) {
            persist(settings.get().withDefault(chosen.name()), chosen.name());
        }
    }

    /** Saves the default generation parameters as typed, or says which field is wrong. */
    public void saveParameters() {
        saveParameters(() -> {});
    }

    /** Saves the default parameters, then does {@code then}; if they are not saved, says why and does no more. */
    private void saveParameters(Runnable then) {
        GenerationParameters typed;
        try {
            typed = parameters.typed();
        } catch (IllegalArgumentException e) {
            problem.set(Problem.of("The default parameters were not saved", e));
            return;
        }
        BackendConfig chosen = selected.get();
        BackendSettings next = settings.get().withDefaults(typed);
        persist(next, chosen == null ? null : chosen.name(), () -> {
            parameters.show(next.defaults());
            then.run();
        });
    }

    /** Whether the backend editor or the default parameters have edits not saved. */
    public boolean unsavedEdits() {
        return unsaved() || parameters.unsaved();
    }

    /**
     * Saves the backend editor and the default parameters where they have edits, one after the other (each save
     * writes the whole file, so the second starts from the first's result), then does {@code then}.
     */
    public void saveEdits(Runnable then) {
        Runnable rest = parameters.unsaved() ? () -> saveParameters(then) : then;
        if (unsaved()) {
            saveBackend(rest);
        } else {
            rest.run();
        }
    }

    /** Puts the backend editor and the default parameters back as they were saved. */
    public void discardEdits() {
        edit(selected.get());
        parameters.show(settings.get().defaults());
    }

    /** Lists the models of the backend in the editor, in the background, or says why it cannot. */
    public void testConnection() {
        BackendConfig config;
        try {
            config = editedConfig();
        } catch (IllegalArgumentException e) {
            testResult.set(e.getMessage());
            return;
        }
        testing.set(true);
        testResult.set("Testing " + config.location() + "…");
        detected.set("");
        tasks.execute(BackgroundTask.of("Testing " + config.name(), progress -> probe.test(config))
                .onSuccess(this::showReport)
                .onFailure(error -> {
                    testing.set(false);
                    testResult.set(Problem.of("", error).message());
                }));
    }

    private void showReport(ConnectionReport report) {
        testing.set(false);
        if (!report.ok()) {
            models.clear();
            testResult.set(report.problem());
            return;
        }
        models.setAll(report.models());
        testResult.set(report.models().size()
                + (report.models().size() == 1 ? " model" : " models")
                + (report.latency().isZero()
                        ? ""
                        : " listed in " + report.latency().toMillis() + " ms"));
        if (model.get().isBlank() && !report.models().isEmpty() && kind.get() != BackendKind.GGUF) {
            model.set(report.models().get(0));
        }
        detect(report.server());
    }

    /**
     * Says which server answered and, for an OpenAI-compatible one that names itself, chooses the schema style
     * it honours (a llama.cpp server ignores json_schema): the user may still choose otherwise before saving.
     */
    private void detect(ServerKind server) {
        if (server == null) {
            return;
        }
        if (kind.get() != BackendKind.OPENAI) {
            detected.set("Detected: " + server.title());
            return;
        }
        if (server != ServerKind.OPENAI_COMPATIBLE) {
            schemaStyle.set(server.schemaStyle());
        }
        detected.set("Detected: " + server.title() + " — output schema sent as "
                + schemaStyle.get().title());
    }

    // ---- state ----

    private void persist(BackendSettings next, String select) {
        persist(next, select, () -> {});
    }

    private void persist(BackendSettings next, String select, Runnable then) {
        if (!writable) {
            problem.set(new Problem(
                    "The backends were not saved",
                    "The backends file could not be read; fix or remove it first, so that no backend is lost."));
            return;
        }
        tasks.execute(BackgroundTask.of("Saving backends", progress -> {
                    repository.save(next);
                    return next;
                })
                .quiet()
                .onSuccess(saved -> {
                    show(saved);
                    selected.set(select == null ? null : saved.find(select).orElse(null));
                    then.run();
                })
                .onFailure(error -> problem.set(Problem.of("The backends were not saved", error))));
    }

    private void show(BackendSettings value) {
        settings.set(value);
        backends.setAll(value.backends());
    }

    private void edit(BackendConfig config) {
        // Emptied first: an editable combo box drops its value when the item it shows leaves its list.
        models.clear();
        BackendConfig shown = config == null
                ? BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:11434", "")
                        .withName("")
                : config;
        name.set(config == null ? "" : shown.name());
        filling = true;
        kind.set(shown.kind());
        filling = false;
        otherLocation = "";
        otherModel = "";
        location.set(shown.location());
        model.set(shown.model());
        apiKey.set(shown.apiKey());
        schemaStyle.set(shown.schemaStyle());
        threads.set(shown.threads());
        contextSize.set(shown.contextSize());
        maxInFlight.set(shown.maxInFlight());
        maxRetries.set(shown.maxRetries());
        isDefault.set(config != null && config.name().equals(settings.get().defaultBackend()));
        testResult.set("");
        detected.set("");
        filled = Editor.of(this);
    }

    /**
     * Swaps the location and model for those last typed for the other sort of kind, when the kind is switched by
     * hand between a GGUF file and a server: a server's URL and models mean nothing to a file, and back.
     */
    private void switchSort(BackendKind was, BackendKind now) {
        if (filling || (was == BackendKind.GGUF) == (now == BackendKind.GGUF)) {
            return;
        }
        models.clear();
        String typedLocation = location.get();
        String typedModel = model.get();
        location.set(otherLocation);
        model.set(otherModel);
        otherLocation = typedLocation;
        otherModel = typedModel;
    }

    private BackendConfig editedConfig() {
        if (location.get() == null || location.get().isBlank()) {
            throw new IllegalArgumentException(
                    kind.get() == BackendKind.GGUF ? "Choose the GGUF model file" : "Enter the server's URL");
        }
        int keepAlive = selected.get() == null
                ? BackendConfig.DEFAULT_KEEP_ALIVE
                : selected.get().keepAlive();
        return new BackendConfig(
                name.get(),
                kind.get(),
                location.get(),
                kind.get() == BackendKind.GGUF && Editor.strip(model.get()).isEmpty()
                        ? fileName(location.get())
                        : model.get(),
                apiKey.get(),
                schemaStyle.get(),
                threads.get(),
                contextSize.get(),
                maxInFlight.get(),
                maxRetries.get(),
                keepAlive);
    }

    /** A GGUF backend's model is its file: named as the file is, as "Test connection" lists it. */
    private static String fileName(String location) {
        try {
            Path file = Path.of(location.strip()).getFileName();
            return file == null ? "" : file.toString();
        } catch (InvalidPathException e) {
            return "";
        }
    }

    /** The editor's fields, compared to tell whether anything typed is not saved. */
    private record Editor(
            String name,
            BackendKind kind,
            String location,
            String model,
            String apiKey,
            SchemaStyle schemaStyle,
            int threads,
            int contextSize,
            int maxInFlight,
            int maxRetries,
            boolean isDefault) {

        static Editor of(SettingsViewModel form) {
            return new Editor(
                    strip(form.name.get()),
                    form.kind.get(),
                    strip(form.location.get()),
                    strip(form.model.get()),
                    strip(form.apiKey.get()),
                    form.schemaStyle.get(),
                    form.threads.get(),
                    form.contextSize.get(),
                    form.maxInFlight.get(),
                    form.maxRetries.get(),
                    form.isDefault.get());
        }

        /** As {@link BackendConfig} keeps them: a space typed at an end, or a field emptied to null, is no edit. */
        private static String strip(String text) {
            return text == null ? "" : text.strip();
        }
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<BackendSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ObservableList<BackendConfig> backends() {
        return backendsReadOnly;
    }

    public ObjectProperty<BackendConfig> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** Which server the last "Test connection" found, and how it is sent an output schema; empty before. */
    public ReadOnlyStringProperty detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    public ObservableList<String> models() {
        return modelsReadOnly;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<BackendKind> kindProperty() {
        return kind;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public ObjectProperty<SchemaStyle> schemaStyleProperty() {
        return schemaStyle;
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public IntegerProperty contextSizeProperty() {
        return contextSize;
    }

    public IntegerProperty maxInFlightProperty() {
        return maxInFlight;
    }

    public IntegerProperty maxRetriesProperty() {
        return maxRetries;
    }

    public BooleanProperty defaultProperty() {
        return isDefault;
    }

    /** The default generation parameters as typed. */
    public DefaultParametersForm parameters() {
        return parameters;
    }
}
