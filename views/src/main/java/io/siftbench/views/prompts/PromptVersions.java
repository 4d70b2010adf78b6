package io.siftbench.views.prompts;

import io.siftbench.model.prompts.DiffLine;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The saved versions of the open project's prompts, as the studio lists them: opening one into the draft, saving
 * the draft as the next version, and the line diff between two versions of one prompt. Each is read and written
 * in the background; what arrives for a project no longer open is dropped.
 */
public final class PromptVersions {

    private final ProjectTasks<StudioSources> tasks;
    private final Supplier<PromptVersion> draft;
    private final Consumer<PromptVersion> edit;
    private final Consumer<String> report;
    private final ObservableList<StoredVersion> versions = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<StoredVersion> versionsReadOnly = FXCollections.unmodifiableObservableList(versions);

    private final ReadOnlyObjectWrapper<StoredVersion> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<DiffLine> diffReadOnly = FXCollections.unmodifiableObservableList(diff);

    /**
     * @param draft  the draft as a version; throws {@link IllegalArgumentException} naming the field that is wrong
     * @param edit   shows a version in the draft
     * @param report where what happened (or went wrong) is told
     */
    PromptVersions(
            ProjectTasks<StudioSources> tasks,
            Supplier<PromptVersion> draft,
            Consumer<PromptVersion> edit,
            Consumer<String> report) {
        this.tasks = tasks;
        this.draft = draft;
        this.edit = edit;
        this.report = report;
    }

    /** Every saved version of every prompt, prompts by name, newest version first. */
    public ObservableList<StoredVersion> all() {
        return versionsReadOnly;
    }

    /** The saved version the draft started from; null for a new prompt. */
    public ReadOnlyObjectProperty<StoredVersion> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The line diff {@link #compare} found. */
    public ObservableList<DiffLine> diff() {
        return diffReadOnly;
    }

    /** Forgets which version the draft started from: the draft is a new prompt now. */
    void forgetLoaded() {
        loaded.set(null);
    }

    /** Loads {@code version} into the draft. */
    public void open(StoredVersion version) {
        StudioSources open = tasks.open();
        tasks.execute(BackgroundTask.of(
                        "Loading prompt " + version.name() + " v" + version.version(),
                        progress -> open.prompts().load(version.id()))
                .quiet()
                .onSuccess(v -> {
                    edit.accept(v);
                    loaded.set(version);
                    report.accept("Editing " + version.name() + " v" + version.version());
                })
                .onFailure(e -> report.accept(e.getMessage())));
    }

    /** Saves the draft as the next version of its prompt, with the note, and selects it. */
    public void save() {
        save(() -> {});
    }

    /** Saves the draft as {@link #save()} does, then runs {@code then}; nothing when it cannot be saved. */
    public void save(Runnable then) {
        StudioSources open = tasks.open();
        PromptVersion version;
        try {
            version = draft.get();
        } catch (RuntimeException e) {
            report.accept("Cannot save: " + e.getMessage());
            return;
        }
        if (open == null) {
            report.accept("Cannot save: no project is open");
            return;
        }
        tasks.execute(BackgroundTask.of("Saving prompt " + version.name(), progress -> open.prompts()
                        .save(version))
                .onSuccess(saved -> {
                    loaded.set(saved);
                    report.accept("Saved " + saved.name() + " v" + saved.version());
                    // What comes next (opening another version) goes after the listing marks this one loaded.
                    reload(saved, then);
                })
                .onFailure(e -> report.accept("Cannot save: " + e.getMessage())));
    }

    /** Shows the line diff between two versions of one prompt in {@link #diff()}. */
    public void compare(StoredVersion older, StoredVersion newer) {
        StudioSources open = tasks.open();
        if (!older.name().equals(newer.name())) {
            report.accept("Only versions of the same prompt can be compared");
            return;
        }
        tasks.execute(BackgroundTask.of("Comparing versions", progress -> open.prompts()
                        .diff(older.name(), older.version(), newer.version()))
                .quiet()
                .onSuccess(diff::setAll)
                .onFailure(e -> report.accept(e.getMessage())));
    }

    /** Lists the versions of the open project again, then marks {@code select} (null: none) as the loaded one. */
    void reload(StoredVersion select) {
        reload(select, () -> {});
    }

    private void reload(StoredVersion select, Runnable then) {
        StudioSources open = tasks.open();
        if (open == null) {
            versions.clear();
            then.run();
            return;
        }
        tasks.execute(
                BackgroundTask.of("Listing prompts", progress -> open.prompts().everyVersion())
                        .quiet()
                        .onSuccess(all -> {
                            versions.setAll(all);
                            loaded.set(select);
                            then.run();
                        })
                        .onFailure(e -> report.accept(e.getMessage())));
    }
}
