package io.siftbench.app;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.example.ExampleProject;
import io.siftbench.app.runs.ChainPreviews;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.app.runs.RunBatches;
import io.siftbench.app.runs.StudioPreviews;
import io.siftbench.model.export.ExportSources;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectOpener;
import io.siftbench.model.runs.RunLauncher;
import io.siftbench.model.settings.SettingsRepository;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.compare.CompareSources;
import io.siftbench.views.compare.CompareView;
import io.siftbench.views.compare.CompareViewModel;
import io.siftbench.views.datasets.DatasetsView;
import io.siftbench.views.datasets.DatasetsViewModel;
import io.siftbench.views.export.ExportDialog;
import io.siftbench.views.insights.ChartFiles;
import io.siftbench.views.insights.InsightsSources;
import io.siftbench.views.insights.InsightsView;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.pipelines.ChainPreviewViewModel;
import io.siftbench.views.pipelines.PipelineSources;
import io.siftbench.views.pipelines.PipelinesView;
import io.siftbench.views.pipelines.PipelinesViewModel;
import io.siftbench.views.project.ProjectFeed;
import io.siftbench.views.project.RunListSources;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.prompts.NativePromptFileDialogs;
import io.siftbench.views.prompts.PreviewSources;
import io.siftbench.views.prompts.PreviewViewModel;
import io.siftbench.views.prompts.PromptStudioView;
import io.siftbench.views.prompts.PromptStudioViewModel;
import io.siftbench.views.prompts.StudioSources;
import io.siftbench.views.review.ReviewSources;
import io.siftbench.views.review.ReviewView;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.runs.NewPipelineRunSources;
import io.siftbench.views.runs.NewPipelineRunViewModel;
import io.siftbench.views.runs.NewRunSources;
import io.siftbench.views.runs.NewRunViewModel;
import io.siftbench.views.runs.PipelineRunStarter;
import io.siftbench.views.runs.PipelineRunsViewModel;
import io.siftbench.views.runs.RunBatchesViewModel;
import io.siftbench.views.runs.RunEndpoints;
import io.siftbench.views.runs.RunSchemaHint;
import io.siftbench.views.runs.RunsView;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.settings.SettingsView;
import io.siftbench.views.settings.SettingsViewModel;
import io.siftbench.views.shell.FileDialogs;
import io.siftbench.views.shell.MainWindow;
import io.siftbench.views.shell.MainWindowViewModel;
import io.siftbench.views.shell.Problem;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

/**
 * Wires storage into the views: one background-task runner, one main window view model, and a view with
 * its view model for each screen. The application and the UI tests build the window the same way.
 */
public final class Shell {

    private static final Logger UNCAUGHT = Logger.getLogger(Shell.class.getName());

    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final RunBackends runBackends;
    private final MainWindowViewModel viewModel;
    private final MainWindow window;
    private final ReviewViewModel review;
    private final CompareViewModel compare;
    private final ProjectFeed feed;
    private final SettingsViewModel backendsForm;
    private PromptStudioViewModel studio;
    private PipelinesViewModel pipelines;
    /** Where a run's first use of a backend says what it detected (made after the runs' backends). */
    private RunsViewModel runs;

    public Shell(SettingsRepository settingsRepository, UserSettings settings, FileDialogs dialogs) {
        ProjectOpener opener = new H2ProjectOpener();
        JsonBackendsFile backendsFile = backendsFile(settingsRepository);
        FirstUseDetection firstUse = new FirstUseDetection(backendsFile, new LocalBackendProbe());
        runBackends = new RunBackends(
                backendsFile::load, firstUse, note -> tasks.uiThread().execute(() -> runs.tell(note)));
        Path settingsFolder = settingsFolder(settingsRepository);
        viewModel = new MainWindowViewModel(opener, settingsRepository, settings, tasks, made -> {
            ExampleProject.fill(made);
            return ExampleProject.told(ExampleProject.offerDemoModel(backendsFile, settingsFolder.resolve("models")));
        });
        ReadOnlyObjectProperty<Project> project = viewModel.projectProperty();
        // What each screen is given of the open project: only the stores and services it uses (null while none).
        ObservableValue<Boolean> projectOpen = project.map(open -> true).orElse(false);
        ObservableValue<RunLauncher> launcher =
                project.map(open -> new ProjectRuns(open, runBackends, EmbeddingModels::miniLm).launcher());
        ObservableValue<ExportSources> exportSources = project.map(Project::exportSources);
        Supplier<SampleEmbedder> embedder = () -> new SampleEmbedder(EmbeddingModels.miniLm());
        review = new ReviewViewModel(
                project.map(p -> new ReviewSources(p.runSources(), p.decisions())), tasks, embedder);
        RunStarter starter = new RunStarter(launcher, tasks);
        runs = new RunsViewModel(
                project.map(p -> new RunListSources(p.runs(), p.datasets(), p.pipelines())), tasks, starter);
        review.follow(starter.live());
        compare = new CompareViewModel(
                project.map(p -> new CompareSources(p.runSources(), p.decisions(), p.preferences())),
                tasks,
                starter,
                backendsFile::load,
                embedder);
        // Compare flags its cells with the thresholds the researcher set in Review.
        compare.curationProperty().bind(review.curationProperty());
        ReviewView reviewView = new ReviewView(review, projectOpen);
        reviewView.setOnExport(ExportDialog.opener(exportSources, tasks));
        RunSchemaHint runSchemaHint = new RunSchemaHint(project.map(Project::samples), tasks, backendsFile);
        RunsView runsView = new RunsView(
                runs,
                new NewRunViewModel(
                        runs,
                        project.map(p -> new NewRunSources(p.prompts(), p.datasets(), p.runs())),
                        tasks,
                        backendsFile::load),
                runSchemaHint);
        runsView.showEndpoints(new RunEndpoints(project.map(Project::samples), tasks, runBackends::endpointLoads));
        runsView.setOnExport(ExportDialog.opener(exportSources, tasks));
        // A batch file is made for the run's backend as the user saved it, never probed: often a server this
        // machine does not reach (a cluster's batch runner).
        RunBackends savedBackends = new RunBackends(backendsFile::load);
        runsView.showBatches(
                new RunBatchesViewModel(
                        project.map(open -> new RunBatches(
                                open,
                                new ProjectRuns(open, runBackends, EmbeddingModels::miniLm),
                                savedBackends::configOf)),
                        tasks,
                        runs),
                dialogs);
        PipelineRunStarter pipelineStarter = new PipelineRunStarter(
                project.map(open -> new ProjectRuns(open, runBackends, EmbeddingModels::miniLm).pipelines()), tasks);
        runsView.showPipelineRuns(
                new PipelineRunsViewModel(runs, pipelineStarter),
                new NewPipelineRunViewModel(
                        project.map(p -> new NewPipelineRunSources(p.pipelines(), p.datasets())),
                        tasks,
                        backendsFile,
                        pipelineStarter,
                        runs));
        InsightsViewModel insights = new InsightsViewModel(
                project.map(p -> new InsightsSources(p.runSources(), p.metricSnapshots())), tasks, embedder, launcher);
        runsView.setOnOpen((screen, runId) -> {
            viewModel.screenProperty().set(screen);
            switch (screen) {
                case REVIEW -> review.open(runId);
                case COMPARE -> compare.open(runId);
                case INSIGHTS -> insights.open(runId);
                default -> throw new IllegalArgumentException("A run does not open on " + screen.title());
            }
        });
        // Every list and count of runs stays current whichever screen, run or judge wrote to the project.
        feed = new ProjectFeed(project.map(Project::changes), tasks.uiThread());
        Set<ProjectChange.Kind> runsAndSamples = EnumSet.of(ProjectChange.Kind.RUNS, ProjectChange.Kind.SAMPLES);
        feed.listen(runsAndSamples, review::reloadRuns);
        feed.listen(runsAndSamples, compare::reloadRuns);
        feed.listen(runsAndSamples, insights::reload);
        feed.listen(EnumSet.of(ProjectChange.Kind.DATASETS), insights.utility()::reloadDatasets);
        feed.listen(EnumSet.of(ProjectChange.Kind.PROMPTS), compare::reloadVersions);
        feed.listen(
                EnumSet.of(ProjectChange.Kind.RUNS, ProjectChange.Kind.SAMPLES, ProjectChange.Kind.DECISIONS),
                runs::reload);
        backendsForm = new SettingsViewModel(backendsFile, new LocalBackendProbe(), tasks);
        Path draftsFolder = settingsFolder.resolve("drafts");
        backendsForm.keepEditsIn(draftsFolder);
        // The Runs screen's fix changed a backend: Settings reads it, or its next save would put the old one back.
        runSchemaHint.savedBackendsProperty().addListener((obs, was, now) -> backendsForm.load());
        // So did the first use of a backend never probed, in a run or a preview.
        firstUse.onDetected(found -> tasks.uiThread().execute(backendsForm::load));
        PromptStudioView studioView = studioView(project, backendsFile, firstUse, backendsForm, draftsFolder);
        PipelinesView pipelinesView = pipelinesView(project, backendsFile, firstUse, draftsFolder);
        // A step's "New prompt…" opens the studio on it; the editor keeps its draft meanwhile.
        pipelinesView.setOnNewPrompt((name, mode) -> {
            viewModel.screenProperty().set(Screen.PROMPT_STUDIO);
            studioView.startNewPrompt(name, mode);
        });
        window = new MainWindow(
                viewModel,
                dialogs,
                List.of(
                        new DatasetsView(new DatasetsViewModel(project.map(Project::datasets), tasks), dialogs),
                        studioView,
                        pipelinesView,
                        new CompareView(compare, projectOpen),
                        reviewView,
                        new InsightsView(insights, ChartFiles.nativeDialog()),
                        runsView,
                        new SettingsView(backendsForm)),
                tasks,
                AboutFacts.read(AppLog.folder(settingsFolder)));
    }

    /**
     * The Prompt studio; its Preview tab offers the user's backends as Settings saved them, read again the moment
     * Settings saves, so that a preview never runs on a backend as it was before an edit.
     */
    private PromptStudioView studioView(
            ReadOnlyObjectProperty<Project> project,
            JsonBackendsFile backendsFile,
            FirstUseDetection firstUse,
            SettingsViewModel settings,
            Path draftsFolder) {
        PromptStudioViewModel studio = new PromptStudioViewModel(
                project.map(p -> new StudioSources(p.prompts(), p.runs(), p.samples(), p.datasets())), tasks);
        PreviewViewModel preview = new PreviewViewModel(
                studio,
                project.map(p -> new PreviewSources(p.datasets(), new StudioPreviews(p, firstUse))),
                tasks,
                backendsFile);
        settings.settingsProperty().addListener((obs, was, now) -> preview.loadBackends());
        studio.keepDraftsIn(draftsFolder, project.map(Project::file));
        this.studio = studio;
        // The preview's fix changed a backend: Settings reads it, or its next save would put the old one back.
        preview.savedBackendsProperty().addListener((obs, was, now) -> settings.load());
        return new PromptStudioView(studio, new NativePromptFileDialogs(), preview);
    }

    /**
     * The Pipelines editor, its lists current as prompts, datasets and pipelines are saved anywhere, and its Preview
     * through the chain offering the user's backends as Settings saved them.
     */
    private PipelinesView pipelinesView(
            ReadOnlyObjectProperty<Project> project,
            JsonBackendsFile backendsFile,
            FirstUseDetection firstUse,
            Path draftsFolder) {
        pipelines = new PipelinesViewModel(
                project.map(p ->
                        new PipelineSources(p.pipelines(), p.prompts(), p.datasets(), new ChainPreviews(p, firstUse))),
                tasks);
        pipelines.keepEditsIn(draftsFolder, project.map(Project::file));
        feed.listen(
                EnumSet.of(ProjectChange.Kind.PROMPTS, ProjectChange.Kind.DATASETS, ProjectChange.Kind.PIPELINES),
                pipelines::reload);
        ChainPreviewViewModel preview = new ChainPreviewViewModel(pipelines, backendsFile);
        backendsForm.settingsProperty().addListener((obs, was, now) -> preview.loadBackends());
        return new PipelinesView(pipelines, preview);
    }

    /** The user's backends live beside the settings file (a test's own folder in tests). */
    private static JsonBackendsFile backendsFile(SettingsRepository settingsRepository) {
        return new JsonBackendsFile(settingsFolder(settingsRepository).resolve("backends.json"));
    }

    /** The folder of the settings file, where the backends and the log are kept. */
    private static Path settingsFolder(SettingsRepository settingsRepository) {
        return settingsRepository instanceof JsonSettingsFile file
                ? file.file().toAbsolutePath().getParent()
                : JsonSettingsFile.configFolder();
    }

    /**
     * What the window does with an exception nothing caught, on any thread: logs it with its stack trace and tells
     * the user what went wrong, with the details one click away, instead of the program going quietly wrong.
     */
    public void uncaught(Thread thread, Throwable error) {
        UNCAUGHT.log(Level.SEVERE, "Uncaught on " + thread.getName(), error);
        Platform.runLater(() -> viewModel.report(Problem.of("Something went wrong in Siftbench", error)));
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    public ReviewViewModel review() {
        return review;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public void show(Stage stage) {
        window.show(stage);
    }

    /** Saves the settings and closes the project; call once the window is gone. */
    public void shutdown() {
        feed.close();
        studio.flush();
        pipelines.flush();
        backendsForm.flush();
        review.flush();
        compare.flush();
        viewModel.shutdown();
        runBackends.close();
        tasks.close();
    }
}
