package io.siftbench.views.pipelines;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.project.GenerationChoice;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskHandle;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Pipelines editor's Preview: runs {@link #SLOTS} slots of the draft through its whole chain against the chosen
 * backend, in the background and cancellable, and shows each chain's texts step by step, and the selected step's
 * prompt as it was rendered with the earlier steps' outputs of the first chain that reached it. Nothing is stored.
 */
public final class ChainPreviewViewModel {

    public static final int SLOTS = 3;
    private static final String EARLIER = " · made with an earlier draft: preview again to see this one's";

    private final PipelinesViewModel editor;
    private final BackendSettingsRepository userBackends;
    private final GenerationChoice generation = new GenerationChoice();
    private final StringProperty dataset = new SimpleStringProperty(this, "dataset", "");
    private final IntegerProperty selectedStep = new SimpleIntegerProperty(this, "selectedStep", 0);
    private final ObservableList<ChainPreview.Chain> chains = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper rendered = new ReadOnlyStringWrapper(this, "rendered", "");
    private GenerationParameters defaults;
    private TaskHandle handle;

    public ChainPreviewViewModel(PipelinesViewModel editor, BackendSettingsRepository userBackends) {
        this.editor = editor;
        this.userBackends = userBackends;
        selectedStep.addListener((obs, was, now) -> render());
        // Chains shown stay, for comparison, but are said to be of an earlier draft once it is edited.
        Runnable edited = () -> {
            if (!chains.isEmpty() && !running.get() && !message.get().endsWith(EARLIER)) {
                message.set(message.get() + EARLIER);
            }
        };
        editor.draft().nameProperty().addListener((obs, was, now) -> edited.run());
        editor.draft().steps().addListener((javafx.collections.ListChangeListener<StepDraft>) c -> edited.run());
        chains.addListener((javafx.collections.ListChangeListener<ChainPreview.Chain>) c -> render());
    }

    /** Reads the user's backends (Settings may have changed them); the one chosen stays chosen by its name. */
    public void loadBackends() {
        editor.tasks()
                .executor()
                .execute(BackgroundTask.of("Reading backends", progress -> userBackends.load())
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

    /** Runs {@link #SLOTS} slots of the draft through its chain now. */
    public void preview() {
        PipelineSources open = editor.tasks().open();
        if (open == null || running.get()) {
            return;
        }
        GenerationParameters parameters;
        try {
            parameters = generation.over(defaults == null ? GenerationParameters.DEFAULT : defaults);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        BackendConfig backend = generation.chosen();
        if (backend == null) {
            message.set("Choose the backend to preview with (add one in Settings).");
            return;
        }
        Pipeline draft = editor.draft().pipeline();
        String records = dataset.get() == null || dataset.get().isBlank() ? null : dataset.get();
        running.set(true);
        chains.clear();
        message.set("Previewing " + SLOTS + " slots through " + draft.steps().size() + " steps…");
        handle = editor.tasks()
                .execute(BackgroundTask.of("Preview through the chain", progress -> open.previewer()
                                .preview(draft, records, backend, parameters, SLOTS, progress))
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

    private void show(ChainPreview outcome) {
        running.set(false);
        chains.setAll(outcome.chains());
        long samples =
                outcome.chains().stream().mapToLong(c -> c.links().size()).sum();
        String counted = outcome.chains().size() + " chains, " + samples + " samples · nothing stored";
        if (outcome.detection() != null) {
            offer(outcome.detection().saved());
        }
        message.set(
                outcome.detection() == null
                        ? counted
                        : outcome.detection()
                                .note()
                                .map(note -> note + " · " + counted)
                                .orElse(counted));
    }

    /** The selected step's prompt as the first chain that reached it rendered it, below the earlier steps' texts. */
    private void render() {
        int step = selectedStep.get();
        rendered.set(chains.stream()
                .filter(c -> c.links().stream().anyMatch(l -> l.step() == step))
                .findFirst()
                .map(c -> renderedIn(c, step))
                .orElse(""));
    }

    private static String renderedIn(ChainPreview.Chain chain, int step) {
        StringBuilder text = new StringBuilder();
        for (ChainPreview.Link link : chain.links()) {
            if (link.step() == step) {
                text.append("Prompt of step ")
                        .append(step + 1)
                        .append(' ')
                        .append(link.stepName())
                        .append(':');
                for (Message m : link.sample().slot().messages()) {
                    text.append("\n\n").append(m.role()).append(":\n").append(m.content());
                }
                return text.toString();
            }
            text.append(link.stepName())
                    .append(" → ")
                    .append(output(link.sample()))
                    .append('\n');
        }
        return text.toString();
    }

    /** What a step's sample gave, as a chain shows it: its text, else its label, else why it failed. */
    public static String output(Sample s) {
        if (s.error() != null) {
            return "error: " + s.error();
        }
        String out = s.text() != null ? s.text() : s.label() != null ? s.label() : s.rawOutput();
        return s.valid() ? out : out + " (invalid: " + s.validationError() + ")";
    }

    public GenerationChoice generation() {
        return generation;
    }

    /** The dataset a {@code dataset} step annotates in the preview; blank: none. */
    public StringProperty datasetProperty() {
        return dataset;
    }

    /** The step whose rendered prompt is shown, from 0. */
    public IntegerProperty selectedStepProperty() {
        return selectedStep;
    }

    public ObservableList<ChainPreview.Chain> chains() {
        return chains;
    }

    /** The selected step's prompt as rendered in the preview, after the earlier steps' texts; empty before one. */
    public ReadOnlyStringProperty renderedProperty() {
        return rendered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
