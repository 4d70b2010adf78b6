package io.siftbench.views.compare;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.compare.Alignment;
import io.siftbench.model.compare.CompareRow;
import io.siftbench.model.compare.ConversationRows;
import io.siftbench.model.compare.RecordTexts;
import io.siftbench.model.compare.Variant;
import io.siftbench.model.compare.VariantPlan;
import io.siftbench.model.compare.VariantSummary;
import io.siftbench.model.compare.VariantsAgainstGold;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.datasets.AnsweredRecords;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.views.project.ProjectRunList;
import io.siftbench.views.project.RunFollower;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.SerialTaskQueue;
import io.siftbench.views.task.TaskExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Compare: a base run and 1–3 variants of it (another prompt version, backend or model, or condition setting)
 * over the same inputs and seed, or 2–4 runs as they are, side by side, rows aligned by input, each cell flagged
 * by the curation filters, decided on the spot or preferred over the others of its row. The variants' runs are
 * reused where the project has them and started through the window's {@link RunStarter} where not, and followed
 * while they go. Planning, loading, flagging, writing and the per-variant summaries all run in the background.
 */
public final class CompareViewModel {

    /** What went wrong with the run of the column headed {@code heading}. */
    private record RunFailure(String heading, Problem problem) {}

    private final ProjectTasks<CompareSources> tasks;
    private final RunStarter starter;
    private final VariantChoices choices;
    private final SerialTaskQueue writes;
    private final ProjectRunList runs;
    private final ObservableList<RunInfo> variants = FXCollections.observableArrayList();
    // Kept: the wrapper listens weakly, so a per-call one could stop telling the views.
    private final ObservableList<RunInfo> variantsView = FXCollections.unmodifiableObservableList(variants);
    private final CellDecisions cells;
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
    /** The comparisons asked for: a failure of an earlier one's run is not told as this one's. */
    private final ProjectTasks<CompareSources>.Latest comparisons;
    /** How the comparison shown was last summed up in the message, before {@link #runFailures}. */
    private String summary = "";
    /** What went wrong with the runs this comparison started or resumed, told again with each refresh of it. */
    private String runFailures = "";

    /**
     * @param sources      the stores of the open project the screen reads and writes; null while none is open
     * @param starter      starts and resumes the variants' runs; its live progress keeps the rows up to date while
     *                     a compared run is going
     * @param userBackends the user's backends, offered as backend variants (read each time the base run changes)
     * @param embedder     the embedding model, loaded only when the curation thresholds find near duplicates by
     *                     embedding
     */
    public CompareViewModel(
            ObservableValue<CompareSources> sources,
            TaskExecutor tasks,
            RunStarter starter,
            Supplier<BackendSettings> userBackends,
            Supplier<SampleEmbedder> embedder) {
        this.embedder = Objects.requireNonNull(embedder);
        this.tasks = new ProjectTasks<>(sources, tasks);
        this.starter = starter;
        this.choices = new VariantChoices(this.tasks, userBackends, message::set, this::failed);
        this.writes = new SerialTaskQueue(tasks, "Saving decisions");
        this.runs = new ProjectRunList(sources.map(CompareSources::runList), tasks);
        this.cells = new CellDecisions(this.tasks, writes, variantsView, this::variantName, message::set, this::failed);
        this.comparisons = this.tasks.latest();
        this.tasks.onSwitch(now -> {
            writes.flush();
            newComparison();
            // What was said about the comparison of the project before is not about this one.
            message.set("");
            base.set(null);
            baseId = -1;
            choices.offerFor(null);
            variants.clear();
            cells.clear();
            reloadRuns();
        });
        base.addListener((obs, was, now) -> {
            // The same run listed again (with more samples, say) keeps its variants; another base run does not:
            // the variants were changes of the old one, which may not even have had the same mode. Losing the
            // choice for a moment (a chooser whose items were listed again) changes nothing either.
            if (now != null && now.id() != baseId) {
                baseId = now.id();
                choices.offerFor(now);
            }
        });
        curation.addListener((obs, was, now) -> {
            if (!variants.isEmpty()) {
                show(List.copyOf(variants), names, planNote);
            }
        });
        RunFollower.follow(
                starter.live(),
                runs::contains,
                id -> variants.stream().anyMatch(r -> r.id() == id),
                this::reloadRuns,
                () -> show(List.copyOf(variants), names, planNote));
        reloadRuns();
    }

    public ObservableList<RunInfo> runs() {
        return runs.runs();
    }

    /** The pipeline step a run is, e.g. "question-answer v1 · step 2 answer"; empty outside pipelines. */
    public String step(RunInfo run) {
        return runs.step(run);
    }

    /** The runs compared, one column each, in the order shown. */
    public ObservableList<RunInfo> variants() {
        return variantsView;
    }

    public ObservableList<CompareRow> rows() {
        return cells.rows();
    }

    /** One per variant, in the variants' order. */
    public ObservableList<VariantSummary> summaries() {
        return cells.summaries();
    }

    /**
     * For annotate runs scored against gold (a dataset with a label column): each later column against the first,
     * paired on the records both answered, in the columns' order; empty without gold.
     */
    public ObservableList<VariantsAgainstGold> againstGold() {
        return cells.againstGold();
    }

    /** The run whose inputs, seed, votes and parameters the variants keep. */
    public ObjectProperty<RunInfo> baseProperty() {
        return base;
    }

    /** The variants added beside the base run, in the order their columns take. */
    public ObservableList<Variant> planned() {
        return choices.planned();
    }

    /** The prompt versions a variant may send instead: every other one in the base run's mode. */
    public ObservableList<StoredVersion> versions() {
        return choices.versions();
    }

    /** The conditions of the base run's prompt version, to switch off or restrict in a variant. */
    public ObservableList<Condition> conditions() {
        return choices.conditions();
    }

    /** The user's backends, for a backend or model variant. */
    public ObservableList<BackendConfig> backends() {
        return choices.backends();
    }

    /** The thresholds of the curation filters whose flags the cells show; a change flags them again. */
    public ObjectProperty<CurationSettings> curationProperty() {
        return curation;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void reloadRuns() {
        runs.reload(
                list -> list.stream().filter(r -> r.id() == baseId).findFirst().ifPresent(base::set), this::failed);
    }

    /** Offers the prompt versions again, the variants added kept: a version saved since, in the studio or elsewhere. */
    public void reloadVersions() {
        choices.reread(base.get());
    }

    /** Makes run {@code runId} the base run, listing the runs again first: a run opened from the Runs screen. */
    public void open(long runId) {
        runs.reload(
                list -> list.stream().filter(r -> r.id() == runId).findFirst().ifPresent(base::set), this::failed);
    }

    // ---- variants ----------------------------------------------------------------------------------

    /** Adds a column that sends {@code version} instead of the base run's prompt version. */
    public void addVersion(StoredVersion version) {
        choices.add(base.get(), new Variant.PromptChange(version));
    }

    /** Adds a column on {@code backend}, asking for {@code model} (the backend's own where blank). */
    public void addBackend(BackendConfig backend, String model) {
        choices.add(
                base.get(),
                new Variant.BackendChange(BackendRef.of(
                        backend.kind(),
                        backend.location(),
                        model == null || model.isBlank() ? backend.model() : model)));
    }

    /** Adds a column with {@code condition} switched off ({@code values} empty) or restricted to {@code values}. */
    public void addCondition(String condition, List<String> values) {
        choices.add(base.get(), new Variant.ConditionChange(condition, values));
    }

    public void removeVariant(int index) {
        choices.remove(index);
    }

    /**
     * Compares the base run with the variants added: plans each variant's run, reuses a stored run of exactly
     * that configuration, starts the others (they fill their columns as they go) and lines them all up.
     */
    public void compareVariants() {
        CompareSources open = tasks.open();
        RunInfo from = base.get();
        if (open == null) {
            return;
        }
        if (from == null || choices.planned().isEmpty()) {
            message.set(
                    from == null
                            ? "Choose the base run: its inputs and seed are the variants' too."
                            : "Add 1 to 3 variants to compare with the base run.");
            return;
        }
        List<Variant> chosen = List.copyOf(choices.planned());
        newComparison();
        tasks.execute(BackgroundTask.of("Planning the variants' runs", p -> new VariantPlan(
                                open.runSources().runs(), open.runSources().prompts())
                        .plan(from, chosen))
                .quiet()
                .onSuccess(this::start)
                .onFailure(this::failed));
    }

    /** Starts the columns' missing runs, resumes their unfinished ones, and shows them once each run is stored. */
    private void start(List<VariantPlan.Column> columns) {
        Consumer<RunFailure> told = comparisons.whileNewest(this::tell);
        RunInfo[] known = new RunInfo[columns.size()];
        List<String> headings = columns.stream().map(VariantPlan.Column::name).toList();
        int toStart =
                (int) columns.stream().filter(VariantPlan.Column::needsRun).count();
        int[] missing = {toStart};
        String note = "Started " + toStart + ", reused " + (columns.size() - 1 - toStart) + " of the variants' runs. ";
        message.set("Starting " + toStart + (toStart == 1 ? " run" : " runs") + "…");
        for (int i = 0; i < columns.size(); i++) {
            VariantPlan.Column column = columns.get(i);
            int at = i;
            known[at] = column.run();
            if (column.needsRun()) {
                starter.start(
                        column.config(),
                        created -> {
                            known[at] = created;
                            if (--missing[0] == 0) {
                                show(List.of(known), headings, note);
                            }
                        },
                        failure -> told.accept(new RunFailure(headings.get(at), failure)));
            } else if (column.run().status() != RunStatus.COMPLETED
                    && !starter.isRunning(column.run().id())) {
                starter.resume(column.run(), failure -> told.accept(new RunFailure(headings.get(at), failure)));
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
        show(List.copyOf(chosen), chosen.stream().map(RunLabel::name).toList(), "");
    }

    /**
     * Reads the runs' samples after pending writes, flags them and lines them up, headed by {@code headings};
     * {@code note} says how the runs came about.
     */
    private void show(List<RunInfo> picked, List<String> headings, String note) {
        CompareSources open = tasks.open();
        if (open == null) {
            return;
        }
        RunCuration filters = new RunCuration(open.runSources(), open.decisions(), curation.get(), embedder);
        Consumer<LinedUp> lineUp = tasks.whileOpen(linedUp -> {
            List<CompareRow> aligned = linedUp.rows();
            variants.setAll(picked);
            names = headings;
            planNote = note;
            cells.show(aligned, linedUp.gold());
            summary = note + aligned.size() + " rows over " + picked.size() + " runs.";
            message.set(summary + runFailures);
            cells.summarize();
        });
        writes.submit(
                () -> {
                    List<List<ReviewItem>> items = picked.stream()
                            .map(run -> filters.flag(
                                            run, open.runSources().review().items(run.id()))
                                    .items())
                            .toList();
                    return new LinedUp(
                            ConversationRows.of(
                                    Alignment.of(
                                            items,
                                            RecordTexts.of(open.runSources().datasets(), picked, items)),
                                    picked,
                                    open.runSources()),
                            gold(open, picked, items));
                },
                lineUp,
                this::failed);
    }

    /** The rows of a comparison, and the gold labels of the records its annotate runs answered, by record id. */
    private record LinedUp(List<CompareRow> rows, Map<Long, String> gold) {}

    /** The gold labels of the records the annotate runs answered, where their dataset has a label column. */
    private static Map<Long, String> gold(CompareSources open, List<RunInfo> picked, List<List<ReviewItem>> items) {
        Map<Long, String> gold = new HashMap<>();
        for (int i = 0; i < picked.size(); i++) {
            RunInfo run = picked.get(i);
            if (run.config().mode() != PromptMode.ANNOTATE) {
                continue;
            }
            List<Long> records = items.get(i).stream()
                    .map(item -> item.sample().slot().recordId())
                    .filter(Objects::nonNull)
                    .filter(id -> !gold.containsKey(id))
                    .toList();
            AnsweredRecords.read(open.runSources().datasets(), run.config().datasetId(), records)
                    .ifPresent(read -> records.forEach(id -> {
                        String label = read.label(id);
                        if (label != null) {
                            gold.put(id, label);
                        }
                    }));
        }
        return gold;
    }

    // ---- cells -------------------------------------------------------------------------------------

    public void accept(int row, int variant) {
        cells.accept(row, variant);
    }

    public void reject(int row, int variant) {
        cells.reject(row, variant);
    }

    /** The researcher's version of a cell: a text, a label, or both. */
    public void edit(int row, int variant, String text, String label) {
        cells.edit(row, variant, text, label);
    }

    /** Records that the sample in {@code variant} is better than each other sample of its row. */
    public void prefer(int row, int variant) {
        cells.prefer(row, variant);
    }

    /** Writes every decision and preference still pending now, on the calling thread; for closing. */
    public void flush() {
        writes.flush();
    }

    /** How column {@code variant} is headed: what the variant changes, or which run it is. */
    public String variantName(int variant) {
        return names.get(variant);
    }

    /** Forgets what the comparison before said: a new one is asked for, or the project changed. */
    private void newComparison() {
        comparisons.clear();
        summary = "";
        runFailures = "";
    }

    /**
     * Tells, in the message and with every refresh of the comparison shown, that the run of a column could not be
     * stored or stopped on an error, and why; a "Starting…" would otherwise stay.
     */
    private void tell(RunFailure failure) {
        runFailures += " " + failure.heading() + ": " + failure.problem().heading() + " — "
                + Problem.firstLine(failure.problem().message());
        message.set((summary + runFailures).strip());
    }

    private void failed(Throwable error) {
        message.set(Problem.firstLine(error));
    }
}
