package io.siftbench.views.runs;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.NewRun;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The New run dialog's form: prompt version (its mode decides the rest), backend from the user's backends
 * with model and parameters, dataset and subset (annotate), sample count (synthesize) or the run to judge
 * (judge), seed, concurrency and votes. "Re-run with one change" fills it from a stored run. Starting hands the configuration to the
 * {@link RunsViewModel}, which stores the run and generates it in the background.
 */
public final class NewRunViewModel {

    /** The choices the form offers, read together in the background. */
    private record Choices(List<StoredVersion> versions, List<DatasetInfo> datasets, List<BackendConfig> backends,
                           List<RunInfo> judgeable) {
    }

    private final RunsViewModel runs;
    private final TaskExecutor tasks;
    private final Supplier<BackendSettings> userBackends;
    private final ObservableList<StoredVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObservableList<BackendConfig> backends = FXCollections.observableArrayList();
    private final ObservableList<RunInfo> judgeable = FXCollections.observableArrayList();
    private final ObjectProperty<RunInfo> judged = new SimpleObjectProperty<>(this, "judged");
    private final ObjectProperty<StoredVersion> version = new SimpleObjectProperty<>(this, "version");
    private final ObjectProperty<BackendConfig> backend = new SimpleObjectProperty<>(this, "backend");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(this, "temperature");
    private final ObjectProperty<Integer> maxTokens = new SimpleObjectProperty<>(this, "maxTokens");
    private final ObjectProperty<DatasetInfo> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final BooleanProperty randomSubset = new SimpleBooleanProperty(this, "randomSubset");
    private final ObjectProperty<Integer> subsetSize = new SimpleObjectProperty<>(this, "subsetSize");
    private final ObjectProperty<Integer> samples = new SimpleObjectProperty<>(this, "samples");
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(this, "seed");
    private final ObjectProperty<Integer> concurrency = new SimpleObjectProperty<>(this, "concurrency");
    private final ObjectProperty<Integer> votes = new SimpleObjectProperty<>(this, "votes");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding annotates = modeIs(PromptMode.ANNOTATE);
    private final BooleanBinding judges = modeIs(PromptMode.JUDGE);

    /** @param userBackends the user's backends, read each time the form opens (Settings may have changed) */
    public NewRunViewModel(RunsViewModel runs, TaskExecutor tasks, Supplier<BackendSettings> userBackends) {
        this.runs = runs;
        this.tasks = tasks;
        this.userBackends = userBackends;
        backend.addListener((obs, was, now) -> {
            if (now != null) {
                model.set(now.model());
            }
        });
        reset();
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
        Project project = runs.projectProperty().get();
        if (project == null) {
            return;
        }
        error.set("");
        tasks.execute(BackgroundTask.of("Reading prompts, datasets and backends", progress -> {
            List<StoredVersion> all = new ArrayList<>();
            for (StoredVersion newest : project.prompts().list()) {
                List<StoredVersion> of = new ArrayList<>(project.prompts().versions(newest.name()));
                java.util.Collections.reverse(of); // newest first, the one usually wanted
                all.addAll(of);
            }
            BackendSettings settings = userBackends.get();
            List<BackendConfig> configs = new ArrayList<>(settings.backends());
            settings.defaultConfig().ifPresent(d -> {
                configs.remove(d);
                configs.add(0, d);
            });
            // A judge scores annotated or synthesized samples, not another judge's verdicts.
            List<RunInfo> judgeableRuns = project.runs().list().stream()
                    .filter(r -> r.config().mode() != PromptMode.JUDGE).toList();
            return new Choices(all, project.datasets().list(), configs, judgeableRuns);
        }).quiet().onSuccess(choices -> {
            versions.setAll(choices.versions());
            datasets.setAll(choices.datasets());
            backends.setAll(choices.backends());
            judgeable.setAll(choices.judgeable());
            reset();
            if (from != null) {
                fill(from);
            }
        }).onFailure(e -> error.set("The choices could not be read: " + e.getMessage())));
    }

    private void reset() {
        GenerationParameters defaults = GenerationParameters.DEFAULT;
        version.set(versions.isEmpty() ? null : versions.get(0));
        backend.set(backends.isEmpty() ? null : backends.get(0));
        temperature.set(defaults.temperature());
        maxTokens.set(defaults.maxTokens());
        dataset.set(datasets.isEmpty() ? null : datasets.get(0));
        judged.set(judgeable.isEmpty() ? null : judgeable.get(0));
        randomSubset.set(false);
        subsetSize.set(100);
        samples.set(100);
        seed.set(1L);
        concurrency.set(4);
        votes.set(1);
    }

    private void fill(RunInfo run) {
        RunConfig config = run.config();
        RunDetails details = RunDetails.fromJson(config.details());
        versions.stream().filter(v -> v.id() == config.promptVersionId()).findFirst().ifPresent(version::set);
        backend.set(backendOf(config.backend()));
        model.set(config.backend().model() == null ? "" : config.backend().model());
        temperature.set(details.temperature());
        maxTokens.set(details.maxTokens());
        datasets.stream().filter(d -> config.datasetId() != null && d.id() == config.datasetId()).findFirst()
                .ifPresent(dataset::set);
        judgeable.stream().filter(r -> details.judgeOf() != null && r.id() == details.judgeOf()).findFirst()
                .ifPresent(judged::set);
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
        return backends.stream()
                .filter(b -> b.kind().name().equalsIgnoreCase(ref.kind()) && b.location().equals(ref.location()))
                .findFirst()
                .orElseGet(() -> {
                    BackendConfig added = BackendConfig.parse(ref.kind() + ":" + ref.location(), ref.model());
                    backends.add(added);
                    return added;
                });
    }

    /**
     * Starts the run the form describes; returns false and says why in {@link #errorProperty()} when the form
     * is incomplete or out of range.
     */
    public boolean start() {
        RunConfig config;
        try {
            BackendConfig chosen = backend.get();
            BackendRef ref = chosen == null ? null : BackendRef.of(chosen.kind(), chosen.location(), model.get());
            if (temperature.get() == null || seed.get() == null) {
                throw new IllegalArgumentException("Give the temperature and the seed as numbers.");
            }
            GenerationParameters parameters = new GenerationParameters(temperature.get(),
                    GenerationParameters.DEFAULT.topP(), maxTokens.get(), null, List.of(),
                    GenerationParameters.DEFAULT.timeout());
            Integer limit = annotates.get() && randomSubset.get() ? subsetSize.get() : null;
            config = new NewRun(version.get(), ref, RunDetails.of(limit, parameters),
                    annotates.get() ? dataset.get() : null, samples.get(), seed.get(), concurrency.get(), votes.get(),
                    judges.get() ? judged.get() : null).toConfig();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        runs.start(config);
        return true;
    }

    public ObservableList<StoredVersion> versions() {
        return versions;
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    public ObservableList<BackendConfig> backends() {
        return backends;
    }

    public ObjectProperty<StoredVersion> versionProperty() {
        return version;
    }

    public ObjectProperty<BackendConfig> backendProperty() {
        return backend;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<Double> temperatureProperty() {
        return temperature;
    }

    public ObjectProperty<Integer> maxTokensProperty() {
        return maxTokens;
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
        return Bindings.createBooleanBinding(() -> version.get() != null && version.get().mode() == mode, version);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
