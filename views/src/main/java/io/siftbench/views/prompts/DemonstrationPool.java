package io.siftbench.views.prompts;

import io.siftbench.model.demonstrations.Demonstration;
import io.siftbench.model.demonstrations.DemonstrationPicker;
import io.siftbench.model.prompts.DemonstrationStrategy;
import io.siftbench.model.prompts.Demonstrations;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The records of the draft's demonstration dataset, read in the background whenever the dataset or its text and
 * label columns change (or another project opens), so that the studio renders the demonstrations a run would pick,
 * through the run's own picker.
 */
final class DemonstrationPool {

    /** The pool read for a dataset and its columns; {@code problem} is non-null when it could not be read. */
    record Loaded(String dataset, String text, String label, List<Demonstration> pool, String problem) {}

    private final PromptDraft draft;
    private final ProjectTasks<StudioSources> tasks;
    private final ProjectTasks<StudioSources>.Latest reads;
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");

    DemonstrationPool(PromptDraft draft, ProjectTasks<StudioSources> tasks) {
        this.draft = draft;
        this.tasks = tasks;
        this.reads = tasks.latest();
        draft.demoDatasetProperty().addListener(x -> reload());
        draft.demoTextProperty().addListener(x -> reload());
        draft.demoLabelProperty().addListener(x -> reload());
        tasks.onSwitch(now -> reload());
        reload();
    }

    private void reload() {
        String dataset = draft.demoDatasetProperty().get();
        String text = draft.demoTextProperty().get();
        String label = draft.demoLabelProperty().get();
        StudioSources open = tasks.open();
        if (open == null || dataset == null || dataset.isBlank()) {
            reads.clear();
            loaded.set(null);
            return;
        }
        Demonstrations columns = new Demonstrations(dataset, null, null, text, label, null, null);
        reads.execute(BackgroundTask.of("Reading demonstrations from " + dataset, progress -> open.datasets()
                        .find(dataset)
                        .map(d -> new Loaded(
                                dataset,
                                columns.text(),
                                columns.label(),
                                Demonstration.pool(open.datasets(), d.id(), columns),
                                null))
                        .orElseGet(() -> new Loaded(
                                dataset,
                                columns.text(),
                                columns.label(),
                                List.of(),
                                "demonstrations: the project has no dataset '" + dataset + "'")))
                .quiet()
                .onSuccess(loaded::set)
                .onFailure(e ->
                        loaded.set(new Loaded(dataset, columns.text(), columns.label(), List.of(), e.getMessage()))));
    }

    /**
     * The demonstrations a run would give its first slot, or why they cannot be shown; an empty list while the
     * pool for {@code spec}'s dataset and columns is still being read.
     */
    Picked pick(Demonstrations spec) {
        Loaded now = loaded.get();
        if (now == null
                || !now.dataset().equals(spec.dataset())
                || !now.text().equals(spec.text())
                || !now.label().equals(spec.label())) {
            return new Picked(List.of(), null);
        }
        if (now.problem() != null) {
            return new Picked(List.of(), now.problem());
        }
        if (spec.strategy() == DemonstrationStrategy.SIMILAR || spec.strategy() == DemonstrationStrategy.DIVERSE) {
            // These pick by the meaning of each input record, which only a run embeds.
            return new Picked(
                    List.of(),
                    spec.strategy().name().toLowerCase(Locale.ROOT)
                            + " demonstrations are picked for each record by meaning when a run starts;"
                            + " the prompt is shown without them");
        }
        try {
            return new Picked(
                    new DemonstrationPicker(spec, now.pool(), Map.of())
                            .pick(new DemonstrationPicker.Query(0, null, null)),
                    null);
        } catch (IllegalArgumentException e) {
            return new Picked(List.of(), e.getMessage());
        }
    }

    /** The demonstrations picked, and what is wrong when there are none to show; {@code problem} may be null. */
    record Picked(List<Demonstration> demonstrations, String problem) {}

    ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
