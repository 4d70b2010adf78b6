package io.siftbench.views.compare;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.compare.Variant;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The variants of the base run: what "Add variant" offers (the other prompt versions in its mode, its conditions,
 * the user's backends, read together in the background for each new base run) and the 1–3 variants added.
 */
final class VariantChoices {

    /** What "Add variant" offers beside the base run, read together in the background. */
    private record Offer(List<StoredVersion> versions, List<Condition> conditions, List<BackendConfig> backends) {}

    private final ProjectTasks<CompareSources> tasks;
    /** What the variants may be: only those of the newest base run chosen show. */
    private final ProjectTasks<CompareSources>.Latest offering;

    private final Supplier<BackendSettings> userBackends;
    private final Consumer<String> message;
    private final Consumer<Throwable> failed;
    private final ObservableList<Variant> planned = FXCollections.observableArrayList();
    private final ObservableList<StoredVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<Condition> conditions = FXCollections.observableArrayList();
    private final ObservableList<BackendConfig> backends = FXCollections.observableArrayList();
    // One read-only view each, kept: the wrapper listens weakly, so a per-call one could stop telling the views.
    private final ObservableList<Variant> plannedView = FXCollections.unmodifiableObservableList(planned);
    private final ObservableList<StoredVersion> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ObservableList<Condition> conditionsView = FXCollections.unmodifiableObservableList(conditions);
    private final ObservableList<BackendConfig> backendsView = FXCollections.unmodifiableObservableList(backends);

    VariantChoices(
            ProjectTasks<CompareSources> tasks,
            Supplier<BackendSettings> userBackends,
            Consumer<String> message,
            Consumer<Throwable> failed) {
        this.tasks = tasks;
        this.offering = tasks.latest();
        this.userBackends = userBackends;
        this.message = message;
        this.failed = failed;
    }

    ObservableList<Variant> planned() {
        return plannedView;
    }

    ObservableList<StoredVersion> versions() {
        return versionsView;
    }

    ObservableList<Condition> conditions() {
        return conditionsView;
    }

    ObservableList<BackendConfig> backends() {
        return backendsView;
    }

    /** Adds {@code variant} of {@code base}, or says why not. */
    void add(RunInfo base, Variant variant) {
        if (base == null) {
            message.accept("Choose the base run first: its inputs and seed are the variants' too.");
        } else if (planned.contains(variant)) {
            message.accept(variant.describe() + " is added already.");
        } else if (planned.size() == 3) {
            message.accept("Compare at most 4 columns: the base run and 3 variants.");
        } else {
            planned.add(variant);
            message.accept("");
        }
    }

    void remove(int index) {
        planned.remove(index);
    }

    /**
     * Drops the variants added, which were changes of another base run, and reads what the variants of {@code from}
     * may be: other versions in its mode, its conditions, the backends. Null (no base run) offers nothing.
     */
    void offerFor(RunInfo from) {
        planned.clear();
        read(from);
    }

    /** Reads again what the variants of {@code from} may be, keeping the variants added: a version saved since. */
    void reread(RunInfo from) {
        if (from != null) {
            read(from);
        }
    }

    private void read(RunInfo from) {
        CompareSources open = tasks.open();
        if (open == null || from == null) {
            offering.clear();
            versions.clear();
            conditions.clear();
            backends.clear();
            return;
        }
        offering.execute(BackgroundTask.of("Reading the variants to offer", p -> {
                    List<StoredVersion> others =
                            new ArrayList<>(open.runSources().prompts().everyVersion());
                    others.removeIf(v -> v.mode() != from.config().mode()
                            || v.id() == from.config().promptVersionId());
                    // The base run's own prompt first (a stable sort keeps the newest version first).
                    others.sort(
                            Comparator.comparing((StoredVersion v) -> !v.name().equals(from.promptName())));
                    return new Offer(
                            others,
                            open.runSources()
                                    .prompts()
                                    .load(from.config().promptVersionId())
                                    .conditions(),
                            userBackends.get().backends());
                })
                .quiet()
                .onSuccess(offer -> {
                    versions.setAll(offer.versions());
                    conditions.setAll(offer.conditions());
                    backends.setAll(offer.backends());
                })
                .onFailure(failed));
    }
}
