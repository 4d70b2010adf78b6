package io.siftbench.views.prompts;

import io.siftbench.model.prompts.Condition;
import io.siftbench.model.runs.JudgedSamples;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunPlanner;
import io.siftbench.views.project.JudgeableRuns;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The studio's run to judge: a judge draft is rendered against one answered sample of it (the first, or the one
 * stepped to) and previewed on its first answered samples. The runs and the samples are read in the background.
 */
public final class JudgedSampleChoice {

    /** How many of the run's first answered samples the rendered prompt can step through. */
    public static final int SHOWN = 20;

    private final ProjectTasks<StudioSources> tasks;
    /** Only the samples of the run chosen last are shown. */
    private final ProjectTasks<StudioSources>.Latest sampleReads;

    private final Consumer<String> report;
    private final ObservableList<RunInfo> runs = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<RunInfo> runsReadOnly = FXCollections.unmodifiableObservableList(runs);

    private final ObjectProperty<RunInfo> run = new SimpleObjectProperty<>(this, "run");
    private final ReadOnlyObjectWrapper<RunPlanner.Judged> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<Set<String>> conditions = new ReadOnlyObjectWrapper<>(this, "conditions");
    private List<RunPlanner.Judged> samples = List.of();
    private int index;

    /** @param report where a failure to read the runs or samples is told */
    JudgedSampleChoice(ProjectTasks<StudioSources> tasks, Consumer<String> report) {
        this.tasks = tasks;
        this.sampleReads = tasks.latest();
        this.report = report;
        run.addListener((obs, was, now) -> loadSamples(now));
        show(List.of(), 0);
    }

    /** Reads the project's runs a judge may score again; the chosen one stays while it is there, else the newest. */
    public void loadRuns() {
        StudioSources open = tasks.open();
        if (open == null) {
            runs.clear();
            run.set(null);
            return;
        }
        tasks.execute(BackgroundTask.of("Listing runs to judge", progress -> JudgeableRuns.of(open.runs()))
                .quiet()
                .onSuccess(found -> {
                    runs.setAll(found);
                    RunInfo chosen = run.get();
                    if (chosen == null || found.stream().noneMatch(r -> r.id() == chosen.id())) {
                        run.set(found.isEmpty() ? null : found.get(0));
                    }
                })
                .onFailure(e -> report.accept("The runs to judge could not be read: " + e.getMessage())));
    }

    private void loadSamples(RunInfo chosen) {
        StudioSources open = tasks.open();
        if (chosen == null || open == null) {
            sampleReads.clear();
            conditions.set(null);
            show(List.of(), 0);
            return;
        }
        sampleReads.execute(BackgroundTask.of(
                        "Reading samples of run " + chosen.id(),
                        progress -> new Loaded(
                                new JudgedSamples(open.runs(), open.samples(), open.datasets())
                                        .first(chosen.id(), SHOWN),
                                open.prompts().load(chosen.config().promptVersionId()).conditions().stream()
                                        .map(Condition::name)
                                        .collect(Collectors.toUnmodifiableSet())))
                .quiet()
                .onSuccess(found -> {
                    conditions.set(found.conditions());
                    show(found.samples(), 0);
                })
                .onFailure(e -> {
                    conditions.set(null);
                    show(List.of(), 0);
                    report.accept(e.getMessage());
                }));
    }

    /** What is read of the chosen run: its first answered samples and the conditions its prompt declares. */
    private record Loaded(List<RunPlanner.Judged> samples, Set<String> conditions) {}

    /** Renders the next of the run's first answered samples. */
    public void next() {
        show(samples, Math.min(samples.size() - 1, index + 1));
    }

    /** Renders the previous one. */
    public void previous() {
        show(samples, Math.max(0, index - 1));
    }

    private void show(List<RunPlanner.Judged> loaded, int at) {
        samples = loaded;
        index = Math.max(0, at);
        RunInfo chosen = run.get();
        if (samples.isEmpty()) {
            text.set((chosen == null ? "No run to judge is chosen" : "Run " + chosen.id() + " has no answered sample")
                    + ": an example sample stands in.");
            current.set(null);
            return;
        }
        RunPlanner.Judged shown = samples.get(index);
        String conditions = shown.sample().conditions().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
        text.set("Sample #" + shown.sample().id() + " of run " + chosen.id() + " (" + (index + 1) + " of the first "
                + samples.size() + " answered)" + (conditions.isEmpty() ? "" : " · " + conditions));
        current.set(shown);
    }

    /** The runs a judge may score: every run of the project but the judge runs, newest first. */
    public ObservableList<RunInfo> runs() {
        return runsReadOnly;
    }

    /** The run whose samples the judge draft is rendered and previewed with; null for none. */
    public ObjectProperty<RunInfo> runProperty() {
        return run;
    }

    /** The judged sample the draft is rendered against; null while there is none (an example stands in). */
    public ReadOnlyObjectProperty<RunPlanner.Judged> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /**
     * The conditions the chosen run's prompt declares, switched on or not: the only {@code condition.NAME} a judge
     * of it can see. Null while no run is chosen.
     */
    public ReadOnlyObjectProperty<Set<String>> conditionsProperty() {
        return conditions.getReadOnlyProperty();
    }

    /** Which sample the rendered prompt shows, in words. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
