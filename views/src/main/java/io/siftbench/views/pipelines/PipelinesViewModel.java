package io.siftbench.views.pipelines;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.views.controls.KeptEdits;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Pipelines editor: the project's pipelines (newest version of each), the {@link PipelineDraft} being edited,
 * the prompt versions and datasets a step chooses from, and saving the draft as the pipeline's next version through
 * the store's checks (those of {@code pipeline add}); a refusal is said with the step and field it names and
 * nothing is stored. Edits not saved are marked, kept in a file beside the settings until saved or discarded
 * ({@link KeptEdits}), and restored when the project opens again.
 */
public final class PipelinesViewModel {

    /** What one listing reads: the pipelines, every prompt version as {@code NAME@V}, the dataset names. */
    private record Listing(List<StoredPipeline> pipelines, List<String> prompts, List<String> datasets) {}

    private final ProjectTasks<PipelineSources> tasks;
    private final PipelineDraft draft = new PipelineDraft();
    private final ObservableList<StoredPipeline> pipelines = FXCollections.observableArrayList();
    private final ObservableList<String> prompts = FXCollections.observableArrayList();
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    /** The version the draft was opened from or saved as; null for a pipeline not saved yet. */
    private StoredPipeline loaded;

    private final BooleanBinding noProject;
    /** The draft as last opened or saved; an edit away from it is unsaved. */
    private Pipeline baseline;
    /** True while a version is being shown in the draft: its halfway states are no edit. */
    private boolean loading;

    private KeptEdits kept;
    private ObservableValue<Path> keptFor;

    /** @param sources the stores of the open project the editor reads and writes; null while none is open */
    public PipelinesViewModel(ObservableValue<PipelineSources> sources, TaskExecutor executor) {
        this.tasks = new ProjectTasks<>(sources, executor);
        this.noProject = Bindings.createBooleanBinding(() -> sources.getValue() == null, sources);
        draft.nameProperty().addListener((obs, was, now) -> edited());
        draft.noteProperty().addListener((obs, was, now) -> edited());
        draft.steps().addListener((javafx.collections.ListChangeListener<StepDraft>) c -> edited());
        tasks.onSwitch(now -> {
            show(PipelineDraft.blank(), null);
            reload();
        });
        show(PipelineDraft.blank(), null);
        reload();
    }

    /**
     * Keeps the unsaved draft of each project in {@code folder}, and restores it when {@code projectFile} opens
     * again, so that closing the application (or a crash) loses no edit.
     */
    public void keepEditsIn(Path folder, ObservableValue<Path> projectFile) {
        kept = new KeptEdits(folder, tasks.executor(), "pipeline draft", message::set);
        keptFor = projectFile;
        projectFile.addListener((obs, was, now) -> restore(now));
        restore(projectFile.getValue());
    }

    private void restore(Path project) {
        if (project == null) {
            return;
        }
        kept.restore(keptName(project), (text, file) -> PipelineFile.readStored(text, file.toString()), pipeline -> {
            loading = true;
            try {
                draft.edit(pipeline);
            } finally {
                loading = false;
            }
            loaded = null;
            baseline = null;
            unsaved.set(true);
            message.set("Restored the draft of pipeline '" + pipeline.name()
                    + "' you had not saved; save it to make it a version");
        });
    }

    /** Lists the pipelines, the prompt versions and the datasets again, in the background. */
    public void reload() {
        PipelineSources open = tasks.open();
        if (open == null) {
            pipelines.clear();
            prompts.clear();
            datasets.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Listing pipelines", p -> {
                    List<String> versions = new ArrayList<>();
                    for (StoredVersion newest : open.prompts().list()) {
                        // Newest first: the version a new step most likely wants is on top.
                        open.prompts().versions(newest.name()).stream()
                                .sorted(Comparator.comparingInt(StoredVersion::version)
                                        .reversed())
                                .forEach(v -> versions.add(v.name() + "@" + v.version()));
                    }
                    return new Listing(
                            open.pipelines().list(),
                            versions,
                            open.datasets().list().stream()
                                    .map(DatasetInfo::name)
                                    .toList());
                })
                .quiet()
                .onSuccess(listing -> {
                    pipelines.setAll(listing.pipelines());
                    prompts.setAll(listing.prompts());
                    datasets.setAll(listing.datasets());
                })
                .onFailure(e -> message.set("The pipelines could not be listed: " + e.getMessage())));
    }

    /** Shows {@code version} in the draft, as nothing unsaved. */
    public void open(StoredPipeline version) {
        show(version.pipeline(), version);
        forgetKept();
        message.set("Editing " + version.name() + " v" + version.version());
    }

    /** Starts a new pipeline of one step. */
    public void newPipeline() {
        show(PipelineDraft.blank(), null);
        forgetKept();
        message.set("A new pipeline: name it, choose each step's prompt and input, then save it");
    }

    /** Drops the edits: the draft shows the version it was opened from again (or a new pipeline). */
    public void discard() {
        StoredPipeline from = loaded;
        show(from == null ? PipelineDraft.blank() : from.pipeline(), from);
        forgetKept();
        message.set("Discarded the edits");
    }

    public void addStep() {
        draft.addStep();
    }

    public void removeStep(StepDraft step) {
        draft.remove(step);
    }

    /** Saves the draft as its pipeline's next version; {@code then} runs once it is saved, not when refused. */
    public void save(Runnable then) {
        PipelineSources open = tasks.open();
        if (open == null || saving.get()) {
            return;
        }
        Pipeline pipeline = draft.pipeline();
        saving.set(true);
        refusal.set("");
        tasks.execute(BackgroundTask.of("Saving pipeline", p -> open.pipelines().save(pipeline))
                .quiet()
                .onSuccess(saved -> {
                    saving.set(false);
                    // The saved version has its prompts pinned: that is what the draft holds now.
                    show(saved.pipeline(), saved);
                    forgetKept();
                    message.set("Saved " + saved.name() + " v" + saved.version());
                    reload();
                    then.run();
                })
                .onFailure(e -> {
                    saving.set(false);
                    refusal.set(e.getMessage());
                    message.set("Not saved: nothing was stored");
                }));
    }

    public void save() {
        save(() -> {});
    }

    private void show(Pipeline pipeline, StoredPipeline from) {
        loading = true;
        try {
            draft.edit(pipeline);
        } finally {
            loading = false;
        }
        loaded = from;
        baseline = draft.pipeline();
        refusal.set("");
        unsaved.set(false);
    }

    private void edited() {
        if (loading) {
            return;
        }
        Pipeline now = draft.pipeline();
        unsaved.set(!Objects.equals(now, baseline));
        Path project = keptFor == null ? null : keptFor.getValue();
        if (kept == null || project == null) {
            return;
        }
        if (unsaved.get()) {
            kept.keep(keptName(project), PipelineFile.write(now));
        } else {
            kept.forget(keptName(project));
        }
    }

    private void forgetKept() {
        Path project = keptFor == null ? null : keptFor.getValue();
        if (kept != null && project != null) {
            kept.forget(keptName(project));
        }
    }

    private static String keptName(Path project) {
        return KeptEdits.fileOf(project, ".pipeline.json");
    }

    /** Writes the draft still waiting to be kept now, on the calling thread; for closing the application. */
    public void flush() {
        if (kept != null) {
            kept.flush();
        }
    }

    public PipelineDraft draft() {
        return draft;
    }

    /** The newest version of each of the project's pipelines, by name. */
    public ObservableList<StoredPipeline> pipelines() {
        return pipelines;
    }

    /** Every version of every prompt of the project, as a step names it: {@code NAME@V}, newest first. */
    public ObservableList<String> prompts() {
        return prompts;
    }

    /** The names of the project's datasets. */
    public ObservableList<String> datasets() {
        return datasets;
    }

    /** Whether the draft holds edits not saved as a version. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public boolean unsaved() {
        return unsaved.get();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Why the last save was refused, naming each step and field; empty when it was not. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** The editor's status line: what was just done, or went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding noProjectBinding() {
        return noProject;
    }

    /** What the editor works on, for its preview. */
    ProjectTasks<PipelineSources> tasks() {
        return tasks;
    }
}
