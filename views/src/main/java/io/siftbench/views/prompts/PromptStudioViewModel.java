package io.siftbench.views.prompts;

import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
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

    /** @param sources the stores of the open project the studio reads and writes; null while none is open */
    public PromptStudioViewModel(ObservableValue<StudioSources> sources, TaskExecutor tasks) {
        this.noProject = Bindings.createBooleanBinding(() -> sources.getValue() == null, sources);
        ProjectTasks<StudioSources> projectTasks = new ProjectTasks<>(sources, tasks);
        this.judged = new JudgedSampleChoice(projectTasks, status::set);
        this.livePreview = new LivePreview(draft, judged, new DemonstrationPool(draft, projectTasks));
        this.versions = new PromptVersions(projectTasks, draft::version, this::edit, status::set);
        this.files = new PromptFileTransfer(tasks, draft::version, this::adopt, status::set);
        // What a preview's samples were made with: the draft's parts and the run a judge scores.
        List<Observable> madeWith = new ArrayList<>(draft.parts());
        madeWith.add(judged.runProperty());
        for (Observable o : madeWith) {
            if (o instanceof ObservableValue<?> value) {
                // A change listener, not an invalidation one: it hears every edit, read or not.
                value.addListener((obs, was, now) -> draftEdits.set(draftEdits.get() + 1));
            } else {
                o.addListener(x -> draftEdits.set(draftEdits.get() + 1));
            }
        }
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

    /** Shows {@code v} in the draft, previewed from its first combination. */
    private void edit(PromptVersion v) {
        draft.edit(v);
        livePreview.restart();
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
