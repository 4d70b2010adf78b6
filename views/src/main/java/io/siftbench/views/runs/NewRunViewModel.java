package io.siftbench.views.runs;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.NewRun;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunEstimate;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.project.GenerationChoice;
import io.siftbench.views.project.JudgeableRuns;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The New run dialog's form: prompt version (its mode decides the rest), backend from the user's backends
 * with model and parameters, dataset with an optional {@link RecordFilter} (only the records whose column holds
 * a value, counted in the background as the user types) and subset (annotate), sample count (synthesize) or the run
 * to judge (judge), seed,
 * concurrency and votes. "Re-run with one change" fills it from a stored run and starts from that run's
 * details, so that what the form does not show (top-p, stop sequences, timeout, the cells of a "fill the
 * gaps" run) is kept. Starting hands the configuration to the {@link RunsViewModel}, which stores the run and
 * generates it in the background.
 */
public final class NewRunViewModel {

    /** The choices the form offers, read together in the background. */
    private record Choices(
            List<StoredVersion> versions,
            List<DatasetInfo> datasets,
            List<BackendConfig> backends,
            List<RunInfo> judgeable,
            GenerationParameters defaults,
            List<RunInfo> runs) {}

    private final RunsViewModel runs;
    private final ObservableValue<NewRunSources> sources;
    private final TaskExecutor tasks;
    private final Supplier<BackendSettings> userBackends;
    private final ObservableList<StoredVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObservableList<RunInfo> judgeable = FXCollections.observableArrayList();
    private final ObjectProperty<RunInfo> judged = new SimpleObjectProperty<>(this, "judged");
    private final ObjectProperty<StoredVersion> version = new SimpleObjectProperty<>(this, "version");
    private final GenerationChoice generation = new GenerationChoice();
    private final ObjectProperty<DatasetInfo> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final BooleanProperty randomSubset = new SimpleBooleanProperty(this, "randomSubset");
    private final ObjectProperty<Integer> subsetSize = new SimpleObjectProperty<>(this, "subsetSize");
    private final ObjectProperty<Integer> samples = new SimpleObjectProperty<>(this, "samples");
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(this, "seed");
    private final ObjectProperty<Integer> concurrency = new SimpleObjectProperty<>(this, "concurrency");
    private final ObjectProperty<Integer> votes = new SimpleObjectProperty<>(this, "votes");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    /** The project's runs as the form opened: the speed of the newest on a backend estimates the next one's. */
    private List<RunInfo> history = List.of();

    private final BooleanBinding annotates = modeIs(PromptMode.ANNOTATE);
    private final BooleanBinding judges = modeIs(PromptMode.JUDGE);
    private final RecordFilter filter;
    /** The user's default generation parameters (Settings), read when the form opens. */
    private GenerationParameters defaults = GenerationParameters.DEFAULT;
    /** What the form starts from: the defaults, or the details of the run being re-run. */
    private RunDetails base = RunDetails.of(null, defaults);

    /**
     * @param sources      the stores of the open project the form's choices are read from; null while none is open
     * @param userBackends the user's backends, read each time the form opens (Settings may have changed)
     */
    public NewRunViewModel(
            RunsViewModel runs,
            ObservableValue<NewRunSources> sources,
            TaskExecutor tasks,
            Supplier<BackendSettings> userBackends) {
        this.runs = runs;
        this.sources = sources;
        this.tasks = tasks;
        this.userBackends = userBackends;
        this.filter = new RecordFilter(dataset, annotates, sources, tasks);
        reset();
        for (javafx.beans.Observable o : List.<javafx.beans.Observable>of(
                version,
                dataset,
                randomSubset,
                subsetSize,
                samples,
                votes,
                judged,
                filter.onProperty(),
                filter.matchingProperty(),
                generation.backendProperty(),
                generation.modelProperty())) {
            o.addListener(x -> estimate());
        }
        // A backend spread over several endpoints fills them only with as many workers as their limits add up to.
        generation.backendProperty().addListener((obs, was, now) -> {
            if (now != null && now.spread()) {
                concurrency.set(now.maxInFlight());
            }
        });
    }

    /** The calls the run will make and how long they will take, as the form stands; empty while it is incomplete. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    private void estimate() {
        try {
            RunConfig config = config();
            estimate.set(RunEstimate.of(config.target(), config.votes(), config.backend(), history));
        } catch (IllegalArgumentException e) {
            estimate.set("");
        }
    }

    /** Opens an empty form: the newest prompt version, the default backend and its default parameters. */
    public void open() {
        load(null);
    }

    /** Opens the form filled with {@code run}'s configuration, for a re-run with one change. */
    public void openFrom(RunInfo run) {
        load(run);
    }

    private void load(RunInfo from) {
        NewRunSources open = sources.getValue();
        if (open == null) {
            return;
        }
        problem.set("");
        tasks.execute(BackgroundTask.of("Reading prompts, datasets and backends", progress -> {
                    List<StoredVersion> all = open.prompts().everyVersion();
                    BackendSettings settings = userBackends.get();
                    List<BackendConfig> configs = new ArrayList<>(settings.backends());
                    settings.defaultConfig().ifPresent(d -> {
                        configs.remove(d);
                        configs.add(0, d);
                    });
                    List<RunInfo> judgeableRuns = JudgeableRuns.of(open.runs());
                    return new Choices(
                            all,
                            open.datasets().list(),
                            configs,
                            judgeableRuns,
                            settings.defaults(),
                            open.runs().list());
                })
                .quiet()
                .onSuccess(choices -> {
                    defaults = choices.defaults();
                    history = choices.runs();
                    versions.setAll(choices.versions());
                    datasets.setAll(choices.datasets());
                    generation.offer(choices.backends(), null);
                    judgeable.setAll(choices.judgeable());
                    reset();
                    if (from != null) {
                        fill(from);
                    }
                })
                .onFailure(e -> problem.set("The choices could not be read: " + e.getMessage())));
    }

    private void reset() {
        base = RunDetails.of(null, defaults);
        version.set(versions.isEmpty() ? null : versions.get(0));
        generation
                .backendProperty()
                .set(
                        generation.backends().isEmpty()
                                ? null
                                : generation.backends().get(0));
        generation.show(defaults);
        dataset.set(datasets.isEmpty() ? null : datasets.get(0));
        judged.set(judgeable.isEmpty() ? null : judgeable.get(0));
        filter.reset();
        randomSubset.set(false);
        subsetSize.set(100);
        samples.set(100);
        seed.set(1L);
        BackendConfig chosen = generation.backendProperty().get();
        concurrency.set(chosen != null && chosen.spread() ? chosen.maxInFlight() : 4);
        votes.set(1);
    }

    private void fill(RunInfo run) {
        RunConfig config = run.config();
        RunDetails details = RunDetails.fromJson(config.details());
        base = details;
        versions.stream()
                .filter(v -> v.id() == config.promptVersionId())
                .findFirst()
                .ifPresent(version::set);
        generation.backendProperty().set(backendOf(config.backend()));
        generation
                .modelProperty()
                .set(config.backend().model() == null ? "" : config.backend().model());
        generation.show(details.parameters());
        datasets.stream()
                .filter(d -> config.datasetId() != null && d.id() == config.datasetId())
                .findFirst()
                .ifPresent(dataset::set);
        judgeable.stream()
                .filter(r -> details.judgeOf() != null && r.id() == details.judgeOf())
                .findFirst()
                .ifPresent(judged::set);
        filter.fill(details);
        randomSubset.set(details.limit() != null);
        if (details.limit() != null) {
            subsetSize.set(details.limit());
        }
        samples.set(config.target());
        seed.set(config.seed());
        concurrency.set(config.concurrency());
        votes.set(config.votes());
    }

    /** The user's backend at the run's location, or (for a run started from the command line) a new entry. */
    private BackendConfig backendOf(BackendRef ref) {
        return generation.backends().stream()
                .filter(b -> b.kind().name().equalsIgnoreCase(ref.kind())
                        && b.location().equals(ref.location()))
                .findFirst()
                .orElseGet(() -> {
                    BackendConfig added = BackendConfig.parse(ref.kind() + ":" + ref.location(), ref.model());
                    generation.add(added);
                    return added;
                });
    }

    /**
     * Starts the run the form describes; returns false and says why in {@link #problemProperty()} when the form
     * is incomplete or out of range.
     */
    public boolean start() {
        RunConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        runs.start(config);
        return true;
    }

    /** The run the form describes; throws {@link IllegalArgumentException} saying what is missing or wrong. */
    private RunConfig config() {
        BackendConfig chosen = generation.chosen();
        BackendRef ref = chosen == null ? null : BackendRef.of(chosen.kind(), chosen.location(), chosen.model());
        if (seed.get() == null) {
            throw new IllegalArgumentException("Give the seed as a number.");
        }
        Integer limit = annotates.get() && randomSubset.get() ? subsetSize.get() : null;
        // Only what the form shows changes; the rest of the details (top-p, stop, timeout, cells) is kept.
        RunDetails details = filter.over(
                base.withParameters(generation.over(base.parameters())).withLimit(limit));
        return new NewRun(
                        version.get(),
                        ref,
                        details,
                        annotates.get() ? dataset.get() : null,
                        samples.get(),
                        seed.get(),
                        concurrency.get(),
                        votes.get(),
                        judges.get() ? judged.get() : null)
                .toConfig(filter.available());
    }

    public ObservableList<StoredVersion> versions() {
        return versions;
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    public ObjectProperty<StoredVersion> versionProperty() {
        return version;
    }

    /** The backend, model, temperature and max tokens of the run. */
    public GenerationChoice generation() {
        return generation;
    }

    public ObjectProperty<DatasetInfo> datasetProperty() {
        return dataset;
    }

    /** The runs a judge prompt may score: every run of the project but the judge runs, newest first. */
    public ObservableList<RunInfo> judgeableRuns() {
        return judgeable;
    }

    /** The run whose answered samples a judge prompt scores. */
    public ObjectProperty<RunInfo> judgedProperty() {
        return judged;
    }

    /** The columns of the chosen dataset, which the filter may test. */
    public ObservableList<String> filterColumns() {
        return filter.columns();
    }

    /** Annotate only the records whose {@link #filterColumnProperty()} holds {@link #filterValueProperty()}. */
    public BooleanProperty filterProperty() {
        return filter.onProperty();
    }

    public ObjectProperty<String> filterColumnProperty() {
        return filter.columnProperty();
    }

    public StringProperty filterValueProperty() {
        return filter.valueProperty();
    }

    /** How many of the dataset's records the filter matches ("412 of 10,003 records match"); empty without one. */
    public ReadOnlyStringProperty matchingProperty() {
        return filter.matchingProperty();
    }

    /** Annotate a seeded random subset of {@link #subsetSizeProperty()} records instead of all of them. */
    public BooleanProperty randomSubsetProperty() {
        return randomSubset;
    }

    public ObjectProperty<Integer> subsetSizeProperty() {
        return subsetSize;
    }

    public ObjectProperty<Integer> samplesProperty() {
        return samples;
    }

    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    public ObjectProperty<Integer> concurrencyProperty() {
        return concurrency;
    }

    public ObjectProperty<Integer> votesProperty() {
        return votes;
    }

    /** True when the chosen version annotates (dataset and subset apply). */
    public BooleanBinding annotatesBinding() {
        return annotates;
    }

    /** True when the chosen version judges (the run to judge applies instead of a dataset or a sample count). */
    public BooleanBinding judgesBinding() {
        return judges;
    }

    private BooleanBinding modeIs(PromptMode mode) {
        return Bindings.createBooleanBinding(
                () -> version.get() != null && version.get().mode() == mode, version);
    }

    /** What is wrong with the form, or why its choices could not be read; empty while nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
