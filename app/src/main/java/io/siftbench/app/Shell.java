package io.siftbench.app;

import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.app.runs.ProjectRuns;
import io.siftbench.app.runs.RunBackends;
import io.siftbench.app.runs.StudioPreviews;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectOpener;
import io.siftbench.model.settings.SettingsRepository;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonBackendsFile;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.compare.CompareView;
import io.siftbench.views.compare.CompareViewModel;
import io.siftbench.views.datasets.DatasetsView;
import io.siftbench.views.datasets.DatasetsViewModel;
import io.siftbench.views.export.ExportDialog;
import io.siftbench.views.insights.ChartFiles;
import io.siftbench.views.insights.InsightsSources;
import io.siftbench.views.insights.InsightsView;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.project.RunStarter;
import io.siftbench.views.prompts.NativePromptFileDialogs;
import io.siftbench.views.prompts.PreviewViewModel;
import io.siftbench.views.prompts.PromptStudioView;
import io.siftbench.views.prompts.PromptStudioViewModel;
import io.siftbench.views.review.ReviewView;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.runs.NewRunViewModel;
import io.siftbench.views.runs.RunsView;
import io.siftbench.views.runs.RunsViewModel;
import io.siftbench.views.settings.SettingsView;
import io.siftbench.views.settings.SettingsViewModel;
import io.siftbench.views.shell.FileDialogs;
import io.siftbench.views.shell.MainWindow;
import io.siftbench.views.shell.MainWindowViewModel;
import io.siftbench.views.task.FxTaskExecutor;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.stage.Stage;

/**
 * Wires storage into the views: one background-task runner, one main window view model, and a view with
 * its view model for each screen. The application and the UI tests build the window the same way.
 */
public final class Shell {

    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final RunBackends runBackends;
    private final MainWindowViewModel viewModel;
    private final MainWindow window;
    private final ReviewViewModel review;
    private final CompareViewModel compare;

    public Shell(SettingsRepository settingsRepository, UserSettings settings, FileDialogs dialogs) {
        ProjectOpener opener = new H2ProjectOpener();
        JsonBackendsFile backendsFile = backendsFile(settingsRepository);
        runBackends = new RunBackends(backendsFile::load);
        viewModel = new MainWindowViewModel(opener, settingsRepository, settings, tasks);
        ReadOnlyObjectProperty<io.siftbench.model.project.Project> project = viewModel.projectProperty();
        Supplier<SampleEmbedder> embedder = () -> new SampleEmbedder(EmbeddingModels.miniLm());
        review = new ReviewViewModel(project, tasks, embedder);
        RunStarter starter = new RunStarter(
                project, tasks, open -> new ProjectRuns(open, runBackends, EmbeddingModels::miniLm).launcher());
        RunsViewModel runs = new RunsViewModel(project, tasks, starter);
        review.follow(starter.live());
        compare = new CompareViewModel(project, tasks, starter, backendsFile::load, embedder);
        // Compare flags its cells with the thresholds the researcher set in Review.
        compare.curationProperty().bind(review.curationProperty());
        ReviewView reviewView = new ReviewView(review, project);
        reviewView.setOnExport(ExportDialog.opener(project, tasks));
        RunsView runsView = new RunsView(runs, new NewRunViewModel(runs, tasks, backendsFile::load));
        runsView.setOnExport(ExportDialog.opener(project, tasks));
        window = new MainWindow(
                viewModel,
                dialogs,
                List.of(
                        new DatasetsView(new DatasetsViewModel(project.map(Project::datasets), tasks), dialogs),
                        studioView(project, backendsFile),
                        new CompareView(compare, project),
                        reviewView,
                        new InsightsView(
                                new InsightsViewModel(
                                        project.map(p -> new InsightsSources(p.runSources(), p.metricSnapshots())),
                                        tasks,
                                        embedder,
                                        project.map(p ->
                                                new ProjectRuns(p, runBackends, EmbeddingModels::miniLm).launcher())),
                                ChartFiles.nativeDialog()),
                        runsView,
                        new SettingsView(new SettingsViewModel(backendsFile, new LocalBackendProbe(), tasks))),
                tasks,
                AboutFacts.read());
    }

    /** The Prompt studio; its Preview tab offers the user's backends as Settings saved them. */
    private PromptStudioView studioView(
            ReadOnlyObjectProperty<io.siftbench.model.project.Project> project, JsonBackendsFile backendsFile) {
        PromptStudioViewModel studio = new PromptStudioViewModel(project, tasks);
        return new PromptStudioView(
                studio,
                new NativePromptFileDialogs(),
                new PreviewViewModel(studio, tasks, backendsFile::load, new StudioPreviews()));
    }

    /** The user's backends live beside the settings file (a test's own folder in tests). */
    private static JsonBackendsFile backendsFile(SettingsRepository settingsRepository) {
        return settingsRepository instanceof JsonSettingsFile file
                ? new JsonBackendsFile(file.file().resolveSibling("backends.json"))
                : JsonBackendsFile.forCurrentUser();
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
        review.flush();
        compare.flush();
        viewModel.shutdown();
        runBackends.close();
        tasks.close();
    }
}
