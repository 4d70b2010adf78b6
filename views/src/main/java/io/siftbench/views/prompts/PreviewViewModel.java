package io.siftbench.views.prompts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.ServerDetection;
import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.project.GenerationChoice;
import io.siftbench.views.project.SchemaStyleHint;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import io.siftbench.views.task.TaskHandle;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Preview 5" in the Prompt studio: renders the prompt against a record chosen from a dataset, and sends the
 * draft as it stands to a chosen backend, model, temperature and longest answer for five samples, in the
 * background and cancellable, and shows each one's raw output, parsed label or text, validation, tokens,
 * latency and the demonstrations the strategy picked. A judge draft judges the first five answered samples of
 * the studio's run to judge and shows each score and reason. Nothing is stored.
 */
public final class PreviewViewModel {

    public static final int SAMPLES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptStudioViewModel studio;
    private final TaskExecutor tasks;
    /** For the record a prompt is rendered against: one read from a project closed since is not shown. */
    private final ProjectTasks<PreviewSources> recordReads;

    private final BackendSettingsRepository userBackends;
    private final GenerationChoice generation = new GenerationChoice();
    private final StringProperty dataset = new SimpleStringProperty(this, "dataset", "");
    private final StringProperty recordId = new SimpleStringProperty(this, "recordId", "");
    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper schemaHint = new ReadOnlyStringWrapper(this, "schemaHint", "");
    private final ReadOnlyObjectWrapper<BackendSettings> savedBackends =
            new ReadOnlyObjectWrapper<>(this, "savedBackends");
    private final BooleanBinding judges;
    private TaskHandle handle;
    /** The backend the shown (or coming) samples were asked of, as it was configured then. */
    private BackendConfig madeBy;
    /** The studio's draft edit count when the shown (or coming) samples were asked for. */
    private long madeWith;
    /** The user's default parameters (Settings): what the preview sends beyond temperature and max tokens. */
    private GenerationParameters defaults;

    /**
     * @param sources      what the preview uses of the open project; null while none is open
     * @param userBackends the user's backends, read again by {@link #loadBackends()} and changed by the one-click fix
     *                     of {@link #sendSchemaAsJsonObject()}
     */
    public PreviewViewModel(
            PromptStudioViewModel studio,
            ObservableValue<PreviewSources> sources,
            TaskExecutor tasks,
            BackendSettingsRepository userBackends) {
        this.studio = studio;
        this.tasks = tasks;
        this.recordReads = new ProjectTasks<>(sources, tasks);
        this.userBackends = userBackends;
        this.judges = studio.draft().modeProperty().isEqualTo(PromptMode.JUDGE);
        studio.draftEditsProperty().addListener((obs, was, now) -> {
            // Samples still coming are checked when they come (show).
            if (!samples.isEmpty() && !running.get()) {
                markStale();
            }
        });
    }

    /**
     * Reads the user's backends (Settings may have changed them) and chooses the default one; the first time,
     * the temperature and max tokens are the user's defaults, later the ones typed here stay.
     */
    public void loadBackends() {
        tasks.execute(BackgroundTask.of("Reading backends", progress -> userBackends.load())
                .quiet()
                .onSuccess(this::offer)
                .onFailure(e -> message.set("The backends could not be read: " + e.getMessage())));
    }

    private void offer(BackendSettings settings) {
        if (defaults == null) {
            generation.show(settings.defaults());
        }
        defaults = settings.defaults();
        generation.offerSaved(settings);
    }

    /**
     * The fix {@link #schemaHintProperty()} offers: the backend the samples were asked of sends its output schema
     * as {@code json_object + schema} from now on, saved with the user's backends as Settings saves them, and the
     * preview runs again with it.
     */
    public void sendSchemaAsJsonObject() {
        BackendConfig backend = madeBy;
        if (backend == null || running.get()) {
            return;
        }
        String name = backend.name();
        schemaHint.set("");
        tasks.execute(
                BackgroundTask.of("Saving backends", progress -> SchemaStyleHint.sendAsJsonObject(userBackends, name))
                        .quiet()
                        .onSuccess(next -> {
                            savedBackends.set(next);
                            offer(next);
                            preview();
                        })
                        .onFailure(e -> message.set("The backend was not changed: " + e.getMessage())));
    }

    /**
     * Renders the studio's prompt against record {@link #recordIdProperty()} of the preview's dataset: the
     * record's columns become the studio's sample record.
     */
    public void useRecord() {
        PreviewSources open = recordReads.open();
        if (open == null) {
            return;
        }
        String name = records();
        long id;
        try {
            id = Long.parseLong(recordId.get().strip());
        } catch (NumberFormatException e) {
            message.set("A record is chosen by its id, a number: '" + recordId.get() + "' is not one.");
            return;
        }
        recordReads.execute(BackgroundTask.of("Reading record " + id, progress -> {
                    DatasetInfo source = open.datasets()
                            .find(name)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "There is no dataset '" + name + "' in this project."));
                    List<DatasetRecord> found = open.datasets().records(source.id(), List.of(id));
                    if (found.isEmpty()) {
                        throw new IllegalArgumentException("Dataset '" + name + "' has no record " + id + ".");
                    }
                    return JSON.writeValueAsString(found.get(0).values());
                })
                .quiet()
                .onSuccess(columns -> {
                    studio.livePreview().sampleRecordProperty().set(columns);
                    message.set("The prompt shows record " + id + " of " + name + ".");
                })
                .onFailure(e -> message.set(e.getMessage())));
    }

    /** The dataset the preview takes records from: the one named here, or else the demonstrations'. */
    private String records() {
        return dataset.get().isBlank()
                ? studio.draft().demoDatasetProperty().get()
                : dataset.get().strip();
    }

    /** Generates {@link #SAMPLES} samples of the draft now. */
    public void preview() {
        PreviewSources open = recordReads.open();
        if (open == null || running.get()) {
            return;
        }
        PromptVersion draft;
        try {
            draft = studio.draft().version();
        } catch (IllegalArgumentException e) {
            message.set("The draft cannot be sent: " + e.getMessage());
            return;
        }
        GenerationParameters parameters;
        try {
            parameters = generation.over(defaults == null ? GenerationParameters.DEFAULT : defaults);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        RunInfo judged = studio.judged().runProperty().get();
        if (draft.mode() == PromptMode.JUDGE && judged == null) {
            message.set("A judge scores the samples of a run: choose the run to judge under Rendered prompt.");
            return;
        }
        Long judgedRun = draft.mode() == PromptMode.JUDGE ? judged.id() : null;
        BackendConfig chosen = generation.chosen();
        String records = records();
        running.set(true);
        madeWith = studio.draftEditsProperty().get();
        stale.set(false);
        samples.clear();
        schemaHint.set("");
        madeBy = chosen;
        message.set(
                judgedRun == null
                        ? "Generating " + SAMPLES + " samples…"
                        : "Judging the first " + SAMPLES + " answered samples of run " + judgedRun + "…");
        handle = tasks.execute(BackgroundTask.of("Preview " + SAMPLES, progress -> open.previewer()
                        .preview(draft, records, judgedRun, chosen, parameters, SAMPLES, progress::isCancelled))
                .onSuccess(this::show)
                .onCancelled(() -> {
                    running.set(false);
                    message.set("Preview cancelled.");
                })
                .onFailure(e -> {
                    running.set(false);
                    message.set("The preview failed: " + e.getMessage());
                }));
    }

    public void cancel() {
        if (handle != null && running.get()) {
            handle.cancel();
        }
    }

    private void show(PreviewSamples outcome) {
        running.set(false);
        List<Sample> made = outcome.samples();
        samples.setAll(made);
        long valid = made.stream().filter(Sample::valid).count();
        String counted = made.size() + " samples, " + valid + " valid";
        ServerDetection detection = outcome.detection();
        if (detection != null) {
            // The backend was probed and saved before its first request: what was sent is what was found.
            madeBy = madeBy.withDetected(detection.backend().server());
            offer(detection.saved());
        }
        message.set(
                detection == null
                        ? counted
                        : detection.note().map(note -> note + " · " + counted).orElse(counted));
        schemaHint.set(
                SchemaStyleHint.of(made, madeBy).map(SchemaStyleHint::message).orElse(""));
        if (madeWith != studio.draftEditsProperty().get()) {
            markStale();
        }
    }

    /**
     * The samples stay, for comparison, but are said to be of an earlier draft: left as they were, they would read
     * as what the draft on screen gives.
     */
    private void markStale() {
        if (!stale.get()) {
            stale.set(true);
            message.set(message.get() + " · made with an earlier draft: preview again to see this one's");
        }
    }

    /** One sample as the preview shows it: what was parsed, whether it is valid, its cost, and the raw output. */
    public static String describe(Sample s) {
        StringBuilder text = new StringBuilder();
        if (s.error() != null) {
            return text.append("Error: ").append(s.error()).toString();
        }
        if (s.slot().judgedSampleId() != null) {
            text.append("judges sample #").append(s.slot().judgedSampleId()).append('\n');
            if (s.confidence() != null) {
                // A judge's verdict: its score is kept as the confidence, its reason as the rationale.
                text.append("score: ")
                        .append(new JudgeVerdict(s.confidence(), s.rationale()).scoreText())
                        .append(" · reason: ")
                        .append(s.rationale())
                        .append('\n');
            }
        }
        if (s.label() != null) {
            text.append("label: ").append(s.label()).append('\n');
        }
        if (s.text() != null) {
            text.append("text: ").append(s.text()).append('\n');
        }
        if (!s.conditions().isEmpty()) {
            text.append("conditions: ").append(s.conditions()).append('\n');
        }
        if (!s.slot().demonstrationIds().isEmpty()) {
            text.append("demonstrations: records ")
                    .append(s.slot().demonstrationIds())
                    .append('\n');
        }
        text.append(s.valid() ? "valid" : "invalid: " + s.validationError())
                .append(" · ")
                .append(s.promptTokens())
                .append(" + ")
                .append(s.completionTokens())
                .append(" tokens")
                .append(" · ")
                .append(s.latencyMillis())
                .append(" ms\n")
                .append("raw: ")
                .append(s.rawOutput());
        // The messages exactly as sent, so the demonstrations the strategy picked are seen with their text and label.
        for (Message m : s.slot().messages()) {
            text.append("\n\n").append(m.role()).append(":\n").append(m.content());
        }
        return text.toString();
    }

    /** The backend, model, temperature and max tokens the preview asks. */
    public GenerationChoice generation() {
        return generation;
    }

    /** True while the draft judges: the preview then takes the studio's run to judge, not a dataset. */
    public BooleanBinding judgesBinding() {
        return judges;
    }

    /** The project's datasets to preview with, as the studio lists them. */
    DatasetChoices datasetChoices() {
        return studio.datasets();
    }

    /** The dataset whose records an annotate draft is previewed with; blank: the demonstrations' dataset. */
    public StringProperty datasetProperty() {
        return dataset;
    }

    /** The id of the record {@link #useRecord()} renders the prompt against. */
    public StringProperty recordIdProperty() {
        return recordId;
    }

    public ObservableList<Sample> samples() {
        return samples;
    }

    /** True while the samples shown were made with an earlier draft than the studio's. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /**
     * Why most outputs of the last preview were invalid and the one-click fix ({@link #sendSchemaAsJsonObject()})
     * where the schema style is the likely cause; empty otherwise.
     */
    public ReadOnlyStringProperty schemaHintProperty() {
        return schemaHint.getReadOnlyProperty();
    }

    /** The user's backends as the preview's fix last saved them, for Settings to read again; null before. */
    public ReadOnlyObjectProperty<BackendSettings> savedBackendsProperty() {
        return savedBackends.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
