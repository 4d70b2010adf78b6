package io.siftbench.views.prompts;

import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The Prompt studio: the saved {@link PromptVersions}, the {@link PromptDraft} being edited, its
 * {@link LivePreview}, the run a judge draft is rendered against ({@link JudgedSampleChoice}) and the
 * {@link PromptFileTransfer} of the draft to and from files. Each tells what happened in the one status line.
 */
public final class PromptStudioViewModel {

    private final BooleanBinding noProject;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyLongWrapper draftEdits = new ReadOnlyLongWrapper(this, "draftEdits");
    private final PromptDraft draft = new PromptDraft(status::set);
    private final JudgedSampleChoice judged;
    private final LivePreview livePreview;
    private final PromptVersions versions;
    private final PromptFileTransfer files;
    private final DatasetChoices datasets;
    /** The draft as last opened or saved; an edit away from it is unsaved. */
    private PromptVersion baseline;
    /** True while a version is being loaded into the draft. */
    private boolean loading;

    private final TaskExecutor tasks;
    private KeptDrafts kept;
    private ObservableValue<Path> keptFor;

    /** @param sources the stores of the open project the studio reads and writes; null while none is open */
    public PromptStudioViewModel(ObservableValue<StudioSources> sources, TaskExecutor tasks) {
        this.tasks = tasks;
        this.noProject = Bindings.createBooleanBinding(() -> sources.getValue() == null, sources);
        ProjectTasks<StudioSources> projectTasks = new ProjectTasks<>(sources, tasks);
        this.judged = new JudgedSampleChoice(projectTasks, status::set);
        this.livePreview = new LivePreview(draft, judged, new DemonstrationPool(draft, projectTasks));
        this.datasets = new DatasetChoices(projectTasks);
        this.versions = new PromptVersions(projectTasks, draft::version, this::edit, status::set);
        this.files = new PromptFileTransfer(tasks, draft::version, this::adopt, status::set);
        // What a preview's samples were made with: the draft's parts and the run a judge scores.
        List<Observable> madeWith = new ArrayList<>(draft.parts());
        madeWith.add(judged.runProperty());
        for (Observable o : madeWith) {
            if (o instanceof ObservableValue<?> value) {
                // A change listener, not an invalidation one: it hears every edit, read or not.
                value.addListener((obs, was, now) -> edited());
            } else {
                o.addListener(x -> edited());
            }
        }
        // Saved: the draft is a version now, nothing of it is unsaved.
        versions.loadedProperty().addListener((obs, was, now) -> {
            if (now != null) {
                markSaved();
            }
        });
        // A judge is rendered against a sample of another run: the runs are read when they are needed.
        draft.modeProperty().addListener((obs, was, now) -> {
            if (now == PromptMode.JUDGE) {
                judged.loadRuns();
            }
        });
        projectTasks.onSwitch(now -> {
            versions.reload(null);
            if (draft.modeProperty().get() == PromptMode.JUDGE) {
                judged.loadRuns();
            }
        });
        newPrompt();
        versions.reload(null);
    }

    /** Starts a new prompt from a small working example. */
    public void newPrompt() {
        adopt(PromptDraft.example());
    }

    /**
     * Keeps the unsaved draft of each project in {@code drafts}, and restores it when {@code projectFile} opens
     * again, so that closing the application (or a crash) loses no edit.
     */
    public void keepDraftsIn(Path folder, ObservableValue<Path> projectFile) {
        KeptDrafts drafts = new KeptDrafts(folder, tasks, status::set);
        this.kept = drafts;
        this.keptFor = projectFile;
        projectFile.addListener((obs, was, now) -> {
            if (now != null) {
                drafts.restore(now, this::restore);
            }
        });
        if (projectFile.getValue() != null) {
            drafts.restore(projectFile.getValue(), this::restore);
        }
    }

    /** Writes the draft still waiting to be kept now, on the calling thread; for closing the application. */
    public void flush() {
        if (kept != null) {
            kept.flush();
        }
    }

    /** Whether the draft holds edits not saved as a version: opening another one would lose them. */
    public boolean unsaved() {
        Optional<PromptVersion> now = current();
        return now.isEmpty() || !now.get().equals(baseline);
    }

    /** Shows {@code v} in the draft, previewed from its first combination, as nothing unsaved. */
    private void edit(PromptVersion v) {
        show(v);
        markSaved();
    }

    private void show(PromptVersion v) {
        // Loading sets the parts one by one; the halfway states are no draft to keep.
        loading = true;
        try {
            draft.edit(v);
        } finally {
            loading = false;
        }
        livePreview.restart();
    }

    /** A draft kept from the last session: unsaved, as it was left. */
    private void restore(PromptVersion v) {
        show(v);
        versions.forgetLoaded();
        status.set("Restored the draft of '" + v.name() + "' you had not saved; save it to make it a version");
    }

    private void edited() {
        draftEdits.set(draftEdits.get() + 1);
        Path project = keptProject();
        if (loading || kept == null || project == null) {
            return;
        }
        // A draft that does not read as a version (a schema half typed) keeps the last one that did.
        current().ifPresent(v -> {
            if (v.equals(baseline)) {
                kept.forget(project);
            } else {
                kept.keep(project, v);
            }
        });
    }

    /** What the draft holds now is what a version holds: nothing to keep. */
    private void markSaved() {
        baseline = current().orElse(null);
        Path project = keptProject();
        if (kept != null && project != null) {
            kept.forget(project);
        }
    }

    /** The project whose draft is kept, or null: none open, or no drafts kept. */
    private Path keptProject() {
        return keptFor == null ? null : keptFor.getValue();
    }

    private Optional<PromptVersion> current() {
        try {
            return Optional.of(draft.version());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Makes {@code v} the draft of a prompt not saved yet. */
    private void adopt(PromptVersion v) {
        edit(v);
        versions.forgetLoaded();
    }

    /** The prompt being edited. */
    public PromptDraft draft() {
        return draft;
    }

    /** The draft rendered as it is edited, and what is wrong with it. */
    public LivePreview livePreview() {
        return livePreview;
    }

    /** The project's datasets and their columns, as the demonstration choosers offer them. */
    DatasetChoices datasets() {
        return datasets;
    }

    /** The project's saved prompt versions: open, save, compare. */
    public PromptVersions versions() {
        return versions;
    }

    /** The draft exported to, and imported from, prompt files. */
    public PromptFileTransfer files() {
        return files;
    }

    /** The run whose answered samples a judge draft is rendered and previewed with. */
    public JudgedSampleChoice judged() {
        return judged;
    }

    /**
     * Counts the edits of the draft (and changes of the run to judge): a preview made at one count no longer
     * describes the draft at another.
     */
    public ReadOnlyLongProperty draftEditsProperty() {
        return draftEdits.getReadOnlyProperty();
    }

    /** The studio's status line: what was just done (saved, exported) or went wrong, as Review's and Compare's say it. */
    public ReadOnlyStringProperty messageProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while no project is open: there is no version to list, and the draft cannot be saved. */
    public BooleanBinding noProjectBinding() {
        return noProject;
    }
}
