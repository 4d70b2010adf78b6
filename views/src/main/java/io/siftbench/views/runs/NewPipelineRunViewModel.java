package io.siftbench.views.runs;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.PipelineStep;
import io.siftbench.model.pipelines.StepInput;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.views.project.GenerationChoice;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import io.siftbench.views.task.TaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The New pipeline run form: the settings of {@code run --pipeline} (the pipeline version, the backend and model the
 * steps default to, the dataset when a step annotates one, the samples when a step synthesizes from its plan, the
 * seed and the concurrency); Start stores the pipeline run through {@link PipelineRunStarter} and runs its steps.
 */
public final class NewPipelineRunViewModel {

    private record Listing(List<StoredPipeline> versions, List<DatasetInfo> datasets, BackendSettings backends) {}

    private final ProjectTasks<NewPipelineRunSources> tasks;
    private final BackendSettingsRepository userBackends;
    private final PipelineRunStarter starter;
    private final RunsViewModel runs;
    private final ObservableList<StoredPipeline> versions = FXCollections.observableArrayList();
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<StoredPipeline> version = new SimpleObjectProperty<>(this, "version");
    private final ObjectProperty<DatasetInfo> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<Integer> samples = new SimpleObjectProperty<>(this, "samples", 20);
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(this, "seed", 7L);
    private final ObjectProperty<Integer> concurrency = new SimpleObjectProperty<>(this, "concurrency", 4);
    private final GenerationChoice generation = new GenerationChoice();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final BooleanBinding needsDataset;
    private final BooleanBinding needsSamples;
    private GenerationParameters defaults = GenerationParameters.DEFAULT;

    public NewPipelineRunViewModel(
            ObservableValue<NewPipelineRunSources> sources,
            TaskExecutor executor,
            BackendSettingsRepository userBackends,
            PipelineRunStarter starter,
            RunsViewModel runs) {
        this.tasks = new ProjectTasks<>(sources, executor);
        this.userBackends = userBackends;
        this.starter = starter;
        this.runs = runs;
        this.needsDataset = Bindings.createBooleanBinding(() -> reads(StepInput.Kind.DATASET), version);
        this.needsSamples = Bindings.createBooleanBinding(() -> reads(StepInput.Kind.NONE), version);
    }

    private boolean reads(StepInput.Kind kind) {
        StoredPipeline chosen = version.get();
        return chosen != null
                && chosen.pipeline().steps().stream().map(PipelineStep::source).anyMatch(s -> s.kind() == kind);
    }

    /** Reads every pipeline version, the datasets and the user's backends in the background, then fills the form. */
    public void open() {
        NewPipelineRunSources open = tasks.open();
        problem.set("");
        if (open == null) {
            return;
        }
        tasks.execute(BackgroundTask.of("Reading pipelines", p -> {
                    List<StoredPipeline> all = new ArrayList<>();
                    for (StoredPipeline newest : open.pipelines().list()) {
                        all.addAll(open.pipelines().versions(newest.name()).stream()
                                .sorted(Comparator.comparingInt(StoredPipeline::version)
                                        .reversed())
                                .toList());
                    }
                    return new Listing(all, open.datasets().list(), userBackends.load());
                })
                .quiet()
                .onSuccess(listing -> {
                    versions.setAll(listing.versions());
                    datasets.setAll(listing.datasets());
                    defaults = listing.backends().defaults();
                    generation.show(defaults);
                    generation.offer(
                            listing.backends().backends(),
                            listing.backends().defaultConfig().orElse(null));
                    if (version.get() == null || !versions.contains(version.get())) {
                        version.set(versions.isEmpty() ? null : versions.get(0));
                    }
                    if (versions.isEmpty()) {
                        problem.set("No pipeline yet: make one on the Pipelines screen, or with pipeline add.");
                    }
                })
                .onFailure(e -> problem.set("The pipelines could not be read: " + e.getMessage())));
    }

    /** Starts the pipeline run as the form says; false, with the reason in {@link #problemProperty()}, if it cannot. */
    public boolean start() {
        StoredPipeline chosen = version.get();
        BackendConfig backend = generation.chosen();
        if (chosen == null) {
            problem.set("Choose the pipeline to run.");
            return false;
        }
        if (backend == null) {
            problem.set("Choose the backend the steps are asked of (add one in Settings).");
            return false;
        }
        if (needsDataset.get() && dataset.get() == null) {
            problem.set("A step of " + chosen.name() + " annotates a dataset: choose it.");
            return false;
        }
        if (seed.get() == null || samples.get() == null || concurrency.get() == null) {
            problem.set("Give the samples, the seed and the concurrency as numbers.");
            return false;
        }
        GenerationParameters parameters;
        try {
            parameters = generation.over(defaults);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        PipelineSettings settings = new PipelineSettings(
                BackendRef.of(backend.kind(), backend.location(), backend.model()),
                needsDataset.get() ? dataset.get().id() : null,
                needsSamples.get() ? samples.get() : null,
                seed.get(),
                concurrency.get(),
                1,
                RunDetails.of(null, parameters).toJson());
        problem.set("");
        starter.start(chosen, settings, id -> runs.reload(), failure -> runs.report(failure));
        return true;
    }

    public ObservableList<StoredPipeline> versions() {
        return versions;
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    public ObjectProperty<StoredPipeline> versionProperty() {
        return version;
    }

    public ObjectProperty<DatasetInfo> datasetProperty() {
        return dataset;
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

    public GenerationChoice generation() {
        return generation;
    }

    /** True while the chosen pipeline has a step that annotates the run's dataset. */
    public BooleanBinding needsDatasetBinding() {
        return needsDataset;
    }

    /** True while the chosen pipeline has a step that synthesizes from its condition plan. */
    public BooleanBinding needsSamplesBinding() {
        return needsSamples;
    }

    /** Why Start refused; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
