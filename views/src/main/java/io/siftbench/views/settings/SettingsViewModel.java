package io.siftbench.views.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendProbe;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.ConnectionReport;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.ServerKind;
import io.siftbench.views.controls.KeptEdits;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Settings screen's backends: the list, an editor for the chosen one (or a new one), "Test connection"
 * in the background, the default backend and the default generation parameters. Every change is saved to
 * the user's backends file in the background. The API key is typed in, never shown: the list shows it
 * masked. The editor's unsaved edits are kept across a restart ({@link #keepEditsIn}).
 */
public final class SettingsViewModel {

    /** The file, in the kept edits' folder, that holds the backend editor's unsaved edits. */
    private static final String KEPT_FILE = "settings-backend.json";

    private static final ObjectMapper JSON = new ObjectMapper();

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
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper unsavedFlag = new ReadOnlyBooleanWrapper(this, "unsaved");
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
    /** True while the fields are filled (from a backend, or kept edits): what is set then is no edit. */
    private boolean filling;
    /** The server a probe found for the editor's backend (its own, or "Test connection"'s); null: none yet. */
    private ServerKind server;
    /** Where {@link #server} answered: a URL edited since is another server, to be probed again. */
    private String serverLocation = "";
    /** Whether the user chose the schema style: a first use then leaves it as it is. */
    private boolean styleChosen;
    /** True while "Test connection" sets the style it found: that is no choice of the user's. */
    private boolean detecting;
    /** Where the editor's unsaved edits are kept across a restart; null: not kept. */
    private KeptEdits kept;
    /** Whether edits may be kept on disk now, to be forgotten once they are saved or discarded. */
    private boolean keptSome;
    /** True once the backends were read: kept edits are restored into the backend they were made to. */
    private boolean loaded;
    /** Kept edits read before the backends were: restored once they are. */
    private KeptEditor restoring;

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
    /**
     * The backend's endpoints after the first (its location and requests in flight): replicas of the same model
     * that requests are spread over, each with its own limit. Empty for a backend of one location.
     */
    private final ObservableList<Endpoint> moreEndpoints = FXCollections.observableArrayList();

    private final DefaultParametersForm parameters = new DefaultParametersForm();

    public SettingsViewModel(BackendSettingsRepository repository, BackendProbe probe, TaskExecutor tasks) {
        this.repository = repository;
        this.probe = probe;
        this.tasks = tasks;
        selected.addListener((obs, was, now) -> edit(now));
        kind.addListener((obs, was, now) -> switchSort(was, now));
        schemaStyle.addListener((obs, was, now) -> {
            if (!filling && !detecting) {
                styleChosen = true;
            }
        });
        for (ObservableValue<?> field : List.of(
                name,
                kind,
                location,
                model,
                apiKey,
                schemaStyle,
                threads,
                contextSize,
                maxInFlight,
                maxRetries,
                isDefault)) {
            field.addListener((obs, was, now) -> edited());
        }
        moreEndpoints.addListener((ListChangeListener<Endpoint>) change -> edited());
        edit(null);
        load();
    }

    /**
     * Keeps the backend editor's unsaved edits in {@code folder} as they are typed, and restores those kept by the
     * last session into the editor, unsaved, so that closing the application (or a crash) loses no edit.
     */
    public void keepEditsIn(Path folder) {
        kept = new KeptEdits(folder, tasks, "backend edits", message::set);
        kept.restore(KEPT_FILE, (text, file) -> JSON.readValue(text, KeptEditor.class), found -> {
            if (loaded) {
                restore(found);
            } else {
                restoring = found;
            }
        });
    }

    /** Writes the edits still waiting to be kept now, on the calling thread; for closing the application. */
    public void flush() {
        if (kept != null) {
            kept.flush();
        }
    }

    /** Reads the backends file again, in the background. */
    public void load() {
        tasks.execute(BackgroundTask.of("Reading backends", progress -> repository.load())
                .quiet()
                .onSuccess(read -> {
                    writable = true;
                    BackendConfig chosen = selected.get();
                    show(read);
                    // Read again after another screen saved a backend: what is being typed here stays; the chosen
                    // backend, not edited, is shown as saved now (a first use may have detected its server).
                    if (chosen != null && !unsaved()) {
                        read.find(chosen.name())
                                .filter(now -> !now.equals(chosen))
                                .ifPresent(selected::set);
                    }
                    if (!parameters.unsaved()) {
                        parameters.show(read.defaults());
                    }
                    loaded = true;
                    if (restoring != null) {
                        restore(restoring);
                        restoring = null;
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
        persist(next, config.name(), () -> {
            // Saved as it was chosen (only the default changed, say): the editor is as saved all the same.
            if (unsaved()) {
                edit(selected.get());
            }
            then.run();
        });
    }

    /** Puts the backend editor back as the backend was saved (blank for a new one). */
    public void discardBackend() {
        edit(selected.get());
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
        discardBackend();
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
        tasks.execute(BackgroundTask.of("Testing " + config.name(), progress -> testEach(config))
                .onSuccess(this::showTested)
                .onFailure(error -> {
                    testing.set(false);
                    testResult.set(Problem.of("", error).message());
                }));
    }

    /**
     * What "Test connection" found at each endpoint of the backend: the first report that lists models, and what
     * each endpoint that did not answer said ({@code endpoints} is 1 for a backend of one location).
     */
    private record Tested(ConnectionReport report, List<String> silent, int endpoints) {}

    /**
     * Tests a backend at every endpoint it lists: a run spreads its requests over all of them, and one that does
     * not answer would only be found out by the run's rested requests.
     */
    private Tested testEach(BackendConfig config) {
        if (!config.spread()) {
            return new Tested(probe.test(config), List.of(), 1);
        }
        ConnectionReport answered = null;
        List<String> silent = new ArrayList<>();
        for (Endpoint endpoint : config.endpoints()) {
            ConnectionReport report = probe.test(config.at(endpoint));
            if (report.ok()) {
                answered = answered == null ? report : answered;
            } else {
                silent.add(endpoint.location() + ": " + report.problem());
            }
        }
        return answered == null
                ? new Tested(
                        ConnectionReport.failed(String.join("\n", silent)),
                        List.of(),
                        config.endpoints().size())
                : new Tested(answered, silent, config.endpoints().size());
    }

    private void showTested(Tested tested) {
        showReport(tested.report());
        if (tested.endpoints() > 1 && tested.report().ok()) {
            testResult.set(testResult.get()
                    + (tested.silent().isEmpty()
                            ? " · all " + tested.endpoints() + " endpoints answer"
                            : " · " + tested.silent().size() + " of " + tested.endpoints()
                                    + " endpoints do not answer:\n" + String.join("\n", tested.silent())));
        }
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
    private void detect(ServerKind found) {
        if (found == null) {
            return;
        }
        server = found;
        serverLocation = Editor.strip(location.get());
        if (kind.get() == BackendKind.OPENAI && found != ServerKind.OPENAI_COMPATIBLE) {
            detecting = true;
            try {
                schemaStyle.set(found.schemaStyle());
            } finally {
                detecting = false;
            }
            styleChosen = false;
        }
        showDetected();
    }

    /** Which server the editor's backend is, as a probe found it, and how it is sent an output schema. */
    private void showDetected() {
        if (server == null) {
            detected.set("");
        } else if (kind.get() != BackendKind.OPENAI) {
            detected.set("Detected: " + server.title());
        } else {
            detected.set("Detected: " + server.title() + " — output schema sent as "
                    + schemaStyle.get().title());
        }
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
        filling = true;
        try {
            fill(new Editor(
                    config == null ? "" : shown.name(),
                    shown.kind(),
                    shown.location(),
                    shown.model(),
                    shown.apiKey(),
                    shown.schemaStyle(),
                    shown.threads(),
                    shown.contextSize(),
                    shown.spread() ? shown.endpoints().get(0).maxInFlight() : shown.maxInFlight(),
                    shown.maxRetries(),
                    config != null && config.name().equals(settings.get().defaultBackend()),
                    shown.spread()
                            ? shown.endpoints().subList(1, shown.endpoints().size()).stream()
                                    .map(Endpoint::toString)
                                    .toList()
                            : List.of()));
        } finally {
            filling = false;
        }
        otherLocation = "";
        otherModel = "";
        server = shown.server();
        serverLocation = shown.location();
        styleChosen = shown.schemaStyleChosen();
        testResult.set("");
        message.set("");
        showDetected();
        filled = Editor.of(this);
        unsavedFlag.set(false);
        if (keptSome) {
            kept.forget(KEPT_FILE);
            keptSome = false;
        }
    }

    private void fill(Editor fields) {
        name.set(fields.name());
        kind.set(fields.kind());
        location.set(fields.location());
        model.set(fields.model());
        apiKey.set(fields.apiKey());
        schemaStyle.set(fields.schemaStyle());
        threads.set(fields.threads());
        contextSize.set(fields.contextSize());
        maxInFlight.set(fields.maxInFlight());
        maxRetries.set(fields.maxRetries());
        isDefault.set(fields.isDefault());
        moreEndpoints.setAll(
                fields.endpoints() == null
                        ? List.of()
                        : fields.endpoints().stream()
                                .map(e -> Endpoint.parse(e, BackendConfig.DEFAULT_MAX_IN_FLIGHT))
                                .toList());
    }

    /**
     * Adds an endpoint to the backend being edited, where {@code url} is a server's URL not listed yet and
     * {@code limit} at least 1; else says what is wrong with it, and adds nothing.
     */
    public boolean addEndpoint(String url, int limit) {
        try {
            if (kind.get() == BackendKind.GGUF) {
                throw new IllegalArgumentException("A GGUF file has no endpoints: it runs in this process");
            }
            Endpoint added = new Endpoint(url, limit);
            List<Endpoint> all = new ArrayList<>();
            all.add(new Endpoint(location.get(), Math.max(1, maxInFlight.get())));
            all.addAll(moreEndpoints);
            all.add(added);
            Endpoint.distinct(all);
            moreEndpoints.add(added);
            problem.set(null);
            return true;
        } catch (IllegalArgumentException e) {
            problem.set(Problem.of("The endpoint was not added", e));
            return false;
        }
    }

    public void removeEndpoint(Endpoint endpoint) {
        moreEndpoints.remove(endpoint);
    }

    /** A field was edited: the editor is unsaved or not, and its edits are kept for the next start, or forgotten. */
    private void edited() {
        if (filling) {
            return;
        }
        boolean now = unsaved();
        unsavedFlag.set(now);
        if (kept == null) {
            return;
        }
        if (now) {
            BackendConfig editing = selected.get();
            kept.keep(
                    KEPT_FILE,
                    json(new KeptEditor(
                            editing == null ? null : editing.name(),
                            Editor.of(this),
                            server,
                            serverLocation,
                            styleChosen)));
            keptSome = true;
        } else if (keptSome) {
            kept.forget(KEPT_FILE);
            keptSome = false;
        }
    }

    /**
     * The edits the last session kept, back in the editor and unsaved: made to the backend they name, shown as saved
     * before them; to a new backend where it names none (or one removed since).
     */
    private void restore(KeptEditor edits) {
        BackendConfig editing = edits.editing() == null
                ? null
                : settings.get().find(edits.editing()).orElse(null);
        selected.set(editing);
        edit(editing);
        filling = true;
        try {
            fill(edits.fields());
        } finally {
            filling = false;
        }
        server = edits.server();
        serverLocation = edits.serverLocation() == null ? "" : edits.serverLocation();
        styleChosen = edits.styleChosen();
        showDetected();
        // Kept again as restored: the file stays until the edits are saved or discarded.
        edited();
        message.set("Restored unsaved edits to "
                + (editing == null ? "a new backend" : "backend '" + editing.name() + "'")
                + " — Save or Discard");
    }

    private static String json(KeptEditor edits) {
        try {
            return JSON.writeValueAsString(edits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the editor's fields are plain values", e);
        }
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
                // A URL edited since the server was found is another server: its first use finds out again.
                serverLocation.equals(Editor.strip(location.get())) ? server : null,
                styleChosen,
                threads.get(),
                contextSize.get(),
                maxInFlight.get(),
                maxRetries.get(),
                keepAlive,
                moreEndpoints.isEmpty() ? List.of() : endpoints());
    }

    /** The editor's location and limit as the first endpoint, then the others. */
    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint(location.get(), maxInFlight.get()));
        all.addAll(moreEndpoints);
        return all;
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

    /**
     * The editor's unsaved edits as kept across a restart: the backend they were made to (null: a new one), the
     * fields, and what they know beyond the fields (the server a test found, and at which URL; a style chosen).
     */
    record KeptEditor(String editing, Editor fields, ServerKind server, String serverLocation, boolean styleChosen) {}

    /** The editor's fields, compared to tell whether anything typed is not saved; kept as they are typed. */
    record Editor(
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
            boolean isDefault,
            List<String> endpoints) {

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
                    form.isDefault.get(),
                    form.moreEndpoints.stream().map(Endpoint::toString).toList());
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

    /**
     * Which server the editor's backend is, as "Test connection" or its first use found it, and how it is sent an
     * output schema; empty while no probe found it.
     */
    public ReadOnlyStringProperty detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    /** What happened to the editor beside a problem: edits restored from the last session; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the backend editor differs from the backend it shows (or from a blank new one). */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsavedFlag.getReadOnlyProperty();
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

    /** The endpoints after the first, in the order requests prefer them at a tie. */
    public ObservableList<Endpoint> moreEndpoints() {
        return moreEndpoints;
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
