package io.siftbench.views.runs;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.views.project.SchemaStyleHint;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The Runs screen's word on a run whose first {@value #FIRST} samples are mostly invalid on a backend that sends
 * its schema as {@code json_schema}: the likely cause, and the one-click fix for the runs to come (the samples
 * stored stay as they are).
 */
public final class RunSchemaHint {

    /** How many of a run's first samples tell: enough to see a pattern, few enough to say so early. */
    public static final int FIRST = 10;

    private final ProjectTasks<SampleStore> reads;
    private final ProjectTasks<SampleStore>.Latest latest;
    private final BackendSettingsRepository backends;
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<BackendSettings> savedBackends =
            new ReadOnlyObjectWrapper<>(this, "savedBackends");
    /** The user's backend the hint is about, whose style the fix changes; null while there is no hint. */
    private BackendConfig hinted;
    /** The run the hint is about. */
    private Long shown;
    /** True once all of the shown run's first samples have been looked at: its hint no longer changes. */
    private boolean settled;

    /**
     * @param samples  the open project's samples; null while none is open
     * @param backends the user's backends, where a run's backend is found by its kind and location
     */
    public RunSchemaHint(ObservableValue<SampleStore> samples, TaskExecutor tasks, BackendSettingsRepository backends) {
        this.reads = new ProjectTasks<>(samples, tasks);
        this.latest = reads.latest();
        this.backends = backends;
        reads.onSwitch(open -> clear());
    }

    /** Looks at {@code run}'s first samples in the background (null: no run chosen). */
    public void show(RunInfo run) {
        SampleStore open = reads.open();
        if (run == null || open == null) {
            clear();
            return;
        }
        if (shown == null || shown != run.id()) {
            clear();
            shown = run.id();
        } else if (settled) {
            return;
        }
        int needed = Math.min(FIRST, run.config().target());
        latest.execute(BackgroundTask.of("Checking the first samples of run " + run.id(), progress -> {
                    Optional<BackendConfig> backend = backends.load()
                            .at(
                                    BackendKind.parse(run.config().backend().kind()),
                                    run.config().backend().location());
                    var first = open.list(run.id(), 0, FIRST);
                    return new Found(
                            first.size() >= needed,
                            backend.orElse(null),
                            backend.flatMap(b -> SchemaStyleHint.of(first, b)));
                })
                .quiet()
                .onSuccess(found -> {
                    settled = found.complete();
                    hinted = found.hint().isPresent() ? found.backend() : null;
                    hint.set(found.hint().map(SchemaStyleHint::message).orElse(""));
                })
                .onFailure(e -> message.set("The run's samples could not be read: " + e.getMessage())));
    }

    /** The fix: the hinted backend sends its schema as {@code json_object + schema} from now on. */
    public void sendSchemaAsJsonObject() {
        BackendConfig backend = hinted;
        if (backend == null) {
            return;
        }
        reads.executor()
                .execute(BackgroundTask.of(
                                "Saving backends",
                                progress -> SchemaStyleHint.sendAsJsonObject(backends, backend.name()))
                        .quiet()
                        .onSuccess(next -> {
                            savedBackends.set(next);
                            hint.set("");
                            hinted = null;
                            message.set("'" + backend.name() + "' now sends the schema as "
                                    + SchemaStyle.JSON_OBJECT.title() + ": re-run to try it.");
                        })
                        .onFailure(e -> message.set("The backend was not changed: " + e.getMessage())));
    }

    private void clear() {
        latest.clear();
        shown = null;
        settled = false;
        hinted = null;
        hint.set("");
        message.set("");
    }

    /** Why most of the chosen run's first outputs are invalid, where the schema style is the likely cause. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** What the fix did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The user's backends as the fix last saved them, for Settings to read again; null before. */
    public ReadOnlyObjectProperty<BackendSettings> savedBackendsProperty() {
        return savedBackends.getReadOnlyProperty();
    }

    /**
     * @param complete whether the run had all of its first samples (the hint will not change as more arrive)
     */
    private record Found(boolean complete, BackendConfig backend, Optional<SchemaStyleHint> hint) {}
}
