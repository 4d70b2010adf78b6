package io.siftbench.views.compare;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.compare.Alignment;
import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.compare.Variant;
import io.siftbench.model.compare.VariantPlan;
import io.siftbench.model.compare.VariantSummary;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.views.project.ProjectRunList;
import io.siftbench.views.project.RunFollower;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.SerialTaskQueue;
import io.siftbench.views.task.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Compare: a base run and 1–3 variants of it (another prompt version, backend or model, or condition setting)
 * over the same inputs and seed, or 2–4 runs as they are, side by side, rows aligned by input, each cell flagged
 * by the curation filters, decided on the spot or preferred over the others of its row. The variants' runs are
 * reused where the project has them and started through the Runs screen's machinery where not, and followed
 * while they go. Planning, loading, flagging, writing and the per-variant summaries all run in the background.
 */
public final class CompareViewModel {

    /** What "Add variant" offers beside the base run, read together in the background. */
    private record Choices(List<StoredVersion> versions, List<Condition> conditions, List<BackendConfig> backends) {
    }

    private final ReadOnlyObjectProperty<Project> project;
    private final TaskExecutor tasks;
    private final RunsViewModel runMachinery;
    private final Supplier<BackendSettings> userBackends;
    private final SerialTaskQueue writes;
    private final ProjectRunList runs;
    private final ObservableList<RunInfo> variants = FXCollections.observableArrayList();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ObservableList<VariantSummary> summaries = FXCollections.observableArrayList();
    private final ObservableList<Variant> planned = FXCollections.observableArrayList();
    private final ObservableList<StoredVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<Condition> conditions = FXCollections.observableArrayList();
    private final ObservableList<BackendConfig> backends = FXCollections.observableArrayList();
    // One read-only view each, kept: the wrapper listens weakly, so a per-call one could stop telling the views.
    private final ObservableList<RunInfo> variantsView = FXCollections.unmodifiableObservableList(variants);
    private final ObservableList<CompareRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<VariantSummary> summariesView = FXCollections.unmodifiableObservableList(summaries);
    private final ObservableList<Variant> plannedView = FXCollections.unmodifiableObservableList(planned);
    private final ObservableList<StoredVersion> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ObservableList<Condition> conditionsView = FXCollections.unmodifiableObservableList(conditions);
    private final ObservableList<BackendConfig> backendsView = FXCollections.unmodifiableObservableList(backends);
    private final ObjectProperty<RunInfo> base = new SimpleObjectProperty<>(this, "base");
    private final ObjectProperty<CurationSettings> curation =
            new SimpleObjectProperty<>(this, "curation", CurationSettings.defaults());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** How each shown column is headed, in the variants' order. */
    private List<String> names = List.of();
    /** What the comparison shown reused and started, said again with each refresh. */
    private String planNote = "";
    private final Supplier<SampleEmbedder> embedder;
    /** The id of the base run the variants were added to; -1 before one is chosen. */
    private long baseId = -1;
    /** Bumped on each summary request, so that only the newest one shows. */
    private long summaryGeneration;
    /** Bumped with each comparison asked for, so that a failure of an earlier one's run is not told as this one's. */
    private long comparison;
    /** How the comparison shown was last summed up in the message, before {@link #runFailures}. */
    private String summary = "";
    /** What went wrong with the runs this comparison started or resumed, told again with each refresh of it. */
    private String runFailures = "";

    /**
     * @param runMachinery the Runs screen's view model: it starts and resumes the variants' runs, and its live
     *                     progress keeps the rows up to date while a compared run is going
     * @param userBackends the user's backends, offered as backend variants (read each time the base run changes)
     */
    public CompareViewModel(ReadOnlyObjectProperty<Project> project, TaskExecutor tasks, RunsViewModel runMachinery,
                            Supplier<BackendSettings> userBackends) {
        this(project, tasks, runMachinery, userBackends, null);
    }

    /**
     * @param embedder the embedding model, loaded only when the curation thresholds find near duplicates by
     *                 embedding; null where there is none
     */
    public CompareViewModel(ReadOnlyObjectProperty<Project> project, TaskExecutor tasks, RunsViewModel runMachinery,
                            Supplier<BackendSettings> userBackends, Supplier<SampleEmbedder> embedder) {
        this.embedder = embedder;
        this.project = project;
        this.tasks = tasks;
        this.runMachinery = runMachinery;
        this.userBackends = userBackends;
        this.writes = new SerialTaskQueue(tasks, "Saving decisions");
        this.runs = new ProjectRunList(project, tasks);
        project.addListener((obs, was, now) -> {
            writes.flush();
            newComparison();
            base.set(null);
            baseId = -1;
            planned.clear();
            loadChoices(null);
            variants.clear();
            rows.clear();
            summaries.clear();
            reloadRuns();
        });
        base.addListener((obs, was, now) -> {
            // The same run listed again (with more samples, say) keeps its variants; another base run does not:
            // the variants were changes of the old one, which may not even have had the same mode. Losing the
            // choice for a moment (a chooser whose items were listed again) changes nothing either.
            if (now != null && now.id() != baseId) {
                baseId = now.id();
                planned.clear();
                loadChoices(now);
            }
        });
        curation.addListener((obs, was, now) -> {
            if (!variants.isEmpty()) {
                show(List.copyOf(variants), names, planNote);
            }
        });
        RunFollower.follow(runMachinery.live(), runs::contains,
                id -> variants.stream().anyMatch(r -> r.id() == id), this::reloadRuns,
                () -> show(List.copyOf(variants), names, planNote));
        reloadRuns();
    }

    public ObservableList<RunInfo> runs() {
        return runs.runs();
    }

    /** The runs compared, one column each, in the order shown. */
    public ObservableList<RunInfo> variants() {
        return variantsView;
    }

    public ObservableList<CompareRow> rows() {
        return rowsView;
    }

    /** One per variant, in the variants' order. */
    public ObservableList<VariantSummary> summaries() {
        return summariesView;
    }

    /** The run whose inputs, seed, votes and parameters the variants keep. */
    public ObjectProperty<RunInfo> baseProperty() {
        return base;
    }

    /** The variants added beside the base run, in the order their columns take. */
    public ObservableList<Variant> planned() {
        return plannedView;
    }

    /** The prompt versions a variant may send instead: every other one in the base run's mode. */
    public ObservableList<StoredVersion> versions() {
        return versionsView;
    }

    /** The conditions of the base run's prompt version, to switch off or restrict in a variant. */
    public ObservableList<Condition> conditions() {
        return conditionsView;
    }

    /** The user's backends, for a backend or model variant. */
    public ObservableList<BackendConfig> backends() {
        return backendsView;
    }

    /** The thresholds of the curation filters whose flags the cells show; a change flags them again. */
    public ObjectProperty<CurationSettings> curationProperty() {
        return curation;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void reloadRuns() {
        runs.reload(list -> list.stream().filter(r -> r.id() == baseId).findFirst().ifPresent(base::set),
                this::failed);
    }

    // ---- variants ----------------------------------------------------------------------------------

    /** Adds a column that sends {@code version} instead of the base run's prompt version. */
    public void addVersion(StoredVersion version) {
        add(new Variant.PromptChange(version));
    }

    /** Adds a column on {@code backend}, asking for {@code model} (the backend's own where blank). */
    public void addBackend(BackendConfig backend, String model) {
        add(new Variant.BackendChange(BackendRef.of(backend.kind(), backend.location(),
                model == null || model.isBlank() ? backend.model() : model)));
    }

    /** Adds a column with {@code condition} switched off ({@code values} empty) or restricted to {@code values}. */
    public void addCondition(String condition, List<String> values) {
        add(new Variant.ConditionChange(condition, values));
    }

    public void removeVariant(int index) {
        planned.remove(index);
    }

    private void add(Variant variant) {
        if (base.get() == null) {
            message.set("Choose the base run first: its inputs and seed are the variants' too.");
        } else if (planned.contains(variant)) {
            message.set(variant.describe() + " is added already.");
        } else if (planned.size() == 3) {
            message.set("Compare at most 4 columns: the base run and 3 variants.");
        } else {
            planned.add(variant);
            message.set("");
        }
    }

    /**
     * Compares the base run with the variants added: plans each variant's run, reuses a stored run of exactly
     * that configuration, starts the others (they fill their columns as they go) and lines them all up.
     */
    public void compareVariants() {
        Project open = project.get();
        RunInfo from = base.get();
        if (open == null) {
            return;
        }
        if (from == null || planned.isEmpty()) {
            message.set(from == null ? "Choose the base run: its inputs and seed are the variants' too."
                    : "Add 1 to 3 variants to compare with the base run.");
            return;
        }
        List<Variant> chosen = List.copyOf(planned);
        newComparison();
        tasks.execute(BackgroundTask.of("Planning the variants' runs", p -> new VariantPlan(open).plan(from, chosen))
                .quiet().onSuccess(columns -> {
                    if (open == project.get()) {
                        start(columns);
                    }
                }).onFailure(this::failed));
    }

    /** Starts the columns' missing runs, resumes their unfinished ones, and shows them once each run is stored. */
    private void start(List<VariantPlan.Column> columns) {
        long asked = comparison;
        RunInfo[] known = new RunInfo[columns.size()];
        List<String> headings = columns.stream().map(VariantPlan.Column::name).toList();
        int toStart = (int) columns.stream().filter(VariantPlan.Column::needsRun).count();
        int[] missing = {toStart};
        String note = "Started " + toStart + ", reused " + (columns.size() - 1 - toStart) + " of the variants' runs. ";
        message.set("Starting " + toStart + (toStart == 1 ? " run" : " runs") + "…");
        for (int i = 0; i < columns.size(); i++) {
            VariantPlan.Column column = columns.get(i);
            int at = i;
            known[at] = column.run();
            if (column.needsRun()) {
                runMachinery.start(column.config(), created -> {
                    known[at] = created;
                    if (--missing[0] == 0) {
                        show(List.of(known), headings, note);
                    }
                }, runFailed(asked, headings.get(at)));
            } else if (column.run().status() != RunStatus.COMPLETED && !runMachinery.isRunning(column.run().id())) {
                runMachinery.resume(column.run(), runFailed(asked, headings.get(at)));
            }
        }
        if (toStart == 0) {
            show(List.of(known), headings, note);
        }
    }

    // ---- runs as they are --------------------------------------------------------------------------

    /** Compares {@code chosen} (2 to 4 stored runs) as they are. */
    public void compare(List<RunInfo> chosen) {
        if (chosen.size() < 2 || chosen.size() > 4) {
            message.set("Choose 2 to 4 runs to compare, not " + chosen.size() + ".");
            return;
        }
        newComparison();
        show(List.copyOf(chosen), chosen.stream().map(VariantPlan::nameOf).toList(), "");
    }

    /**
     * Reads the runs' samples after pending writes, flags them and lines them up, headed by {@code headings};
     * {@code note} says how the runs came about.
     */
    private void show(List<RunInfo> picked, List<String> headings, String note) {
        Project open = project.get();
        if (open == null) {
            return;
        }
        RunCuration filters = new RunCuration(open, curation.get(), embedder);
        writes.submit(() -> Alignment.of(picked.stream()
                .map(run -> filters.flag(run, open.review().items(run.id())).items()).toList()), aligned -> {
            if (open != project.get()) {
                return;
            }
            variants.setAll(picked);
            names = headings;
            planNote = note;
            rows.setAll(aligned);
            summary = note + aligned.size() + " rows over " + picked.size() + " runs.";
            message.set(summary + runFailures);
            summarize();
        }, this::failed);
    }

    // ---- cells -------------------------------------------------------------------------------------

    public void accept(int row, int variant) {
        decide(row, variant, id -> Decision.of(id, DecisionStatus.ACCEPTED, null));
    }

    public void reject(int row, int variant) {
        decide(row, variant, id -> Decision.of(id, DecisionStatus.REJECTED, null));
    }

    /** The researcher's version of a cell: a text, a label, or both. */
    public void edit(int row, int variant, String text, String label) {
        decide(row, variant, id -> Decision.edit(id, text, label, null));
    }

    /** Records that the sample in {@code variant} is better than each other sample of its row. */
    public void prefer(int row, int variant) {
        Project open = project.get();
        CompareRow compared = rows.get(row);
        ReviewItem chosen = compared.cell(variant).orElse(null);
        if (open == null || chosen == null) {
            return;
        }
        List<Long> others = new ArrayList<>();
        for (int v = 0; v < compared.cells().size(); v++) {
            if (v != variant) {
                compared.cell(v).ifPresent(other -> others.add(other.sampleId()));
            }
        }
        writes.submit(() -> {
            List<PreferenceStore.Preference> recorded = new ArrayList<>();
            others.forEach(other -> recorded.add(open.preferences().prefer(chosen.sampleId(), other)));
            return recorded;
        }, recorded -> message.set("Preferred " + variantName(variant) + " over " + recorded.size()
                + (recorded.size() == 1 ? " other." : " others.")), this::failed);
    }

    /** Writes every decision and preference still pending now, on the calling thread; for closing. */
    public void flush() {
        writes.flush();
    }

    /** How column {@code variant} is headed: what the variant changes, or which run it is. */
    public String variantName(int variant) {
        return names.get(variant);
    }

    private void decide(int row, int variant, LongFunction<Decision> decision) {
        Project open = project.get();
        ReviewItem item = rows.get(row).cell(variant).orElse(null);
        if (open == null || item == null) {
            return;
        }
        Decision made = decision.apply(item.sampleId());
        rows.set(row, rows.get(row).withCell(variant, item.withDecision(made)));
        summarize();
        writes.submit(() -> open.decisions().decide(made), done -> { }, this::failed);
    }

    /** Recomputes every variant's header from the rows as shown, off the UI thread. */
    private void summarize() {
        long asked = ++summaryGeneration;
        List<CompareRow> snapshot = List.copyOf(rows);
        int count = variants.size();
        tasks.execute(BackgroundTask.of("Summarizing variants", p -> {
            List<VariantSummary> out = new ArrayList<>(count);
            for (int v = 0; v < count; v++) {
                int column = v;
                out.add(VariantSummary.of(snapshot.stream().map(r -> r.cells().get(column))
                        .filter(Objects::nonNull).toList()));
            }
            return out;
        }).quiet().onSuccess(computed -> {
            if (asked == summaryGeneration) {
                summaries.setAll(computed);
            }
        }).onFailure(this::failed));
    }

    /** Reads what the base run's variants may be: other versions in its mode, its conditions, the backends. */
    private void loadChoices(RunInfo from) {
        Project open = project.get();
        if (open == null || from == null) {
            versions.clear();
            conditions.clear();
            backends.clear();
            return;
        }
        tasks.execute(BackgroundTask.of("Reading the variants to offer", p -> {
            List<StoredVersion> others = new ArrayList<>();
            for (StoredVersion newest : open.prompts().list()) {
                open.prompts().versions(newest.name()).stream()
                        .filter(v -> v.mode() == from.config().mode() && v.id() != from.config().promptVersionId())
                        .forEach(others::add);
            }
            // The base run's own prompt first, newest version first: the comparison usually wanted.
            others.sort(Comparator.comparing((StoredVersion v) -> !v.name().equals(from.promptName()))
                    .thenComparing(StoredVersion::name)
                    .thenComparing(StoredVersion::version, Comparator.reverseOrder()));
            return new Choices(others, open.prompts().load(from.config().promptVersionId()).conditions(),
                    userBackends.get().backends());
        }).quiet().onSuccess(choices -> {
            if (open == project.get() && from.id() == baseId) {
                versions.setAll(choices.versions());
                conditions.setAll(choices.conditions());
                backends.setAll(choices.backends());
            }
        }).onFailure(this::failed));
    }

    /** Forgets what the comparison before said: a new one is asked for, or the project changed. */
    private void newComparison() {
        comparison++;
        summary = "";
        runFailures = "";
    }

    /**
     * Tells, in the message and with every refresh of comparison {@code asked}, that the run of the column headed
     * {@code heading} could not be stored or stopped on an error, and why; a "Starting…" would otherwise stay.
     */
    private Consumer<Problem> runFailed(long asked, String heading) {
        return failure -> {
            if (asked == comparison) {
                runFailures += " " + heading + ": " + failure.heading() + " — " + firstLine(failure.message());
                message.set((summary + runFailures).strip());
            }
        };
    }

    private void failed(Throwable error) {
        message.set(firstLine(error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }
}
