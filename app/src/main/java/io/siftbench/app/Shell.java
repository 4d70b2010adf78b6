package io.siftbench.app;

import io.siftbench.model.project.ProjectOpener;
import io.siftbench.model.settings.SettingsRepository;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.compare.CompareView;
import io.siftbench.views.compare.CompareViewModel;
import io.siftbench.views.datasets.DatasetsView;
import io.siftbench.views.datasets.DatasetsViewModel;
import io.siftbench.views.review.ReviewView;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.shell.EmptyScreenView;
import io.siftbench.views.shell.FileDialogs;
import io.siftbench.views.shell.MainWindow;
import io.siftbench.views.shell.MainWindowViewModel;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.task.FxTaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.stage.Stage;

import java.util.List;

/**
 * Wires storage into the views: one background-task runner, one main window view model, and a view with
 * its view model for each screen. The application and the UI tests build the window the same way.
 */
public final class Shell {

    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final MainWindowViewModel viewModel;
    private final MainWindow window;
    private final ReviewViewModel review;
    private final CompareViewModel compare;

    public Shell(SettingsRepository settingsRepository, UserSettings settings, FileDialogs dialogs) {
        ProjectOpener opener = new H2ProjectOpener();
        viewModel = new MainWindowViewModel(opener, settingsRepository, settings, tasks);
        ReadOnlyObjectProperty<io.siftbench.model.project.Project> project = viewModel.projectProperty();
        review = new ReviewViewModel(project, tasks);
        compare = new CompareViewModel(project, tasks);
        window = new MainWindow(viewModel, dialogs, List.of(
                new DatasetsView(new DatasetsViewModel(project, tasks)),
                new EmptyScreenView(Screen.PROMPT_STUDIO, project, "No prompts yet",
                        "Design a prompt: a task specification, a template, switchable conditions and demonstrations."),
                new CompareView(compare, project),
                new ReviewView(review, project),
                new EmptyScreenView(Screen.INSIGHTS, project, "No runs to measure",
                        "Diversity and agreement charts appear once a run has samples."),
                new EmptyScreenView(Screen.RUNS, project, "No runs yet",
                        "A run sends a prompt version to a backend and keeps every sample the moment it arrives."),
                new EmptyScreenView(Screen.SETTINGS, project, "No backends configured",
                        "Add an Ollama server, an OpenAI-compatible server or a GGUF model file to generate text.")),
                tasks);
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    public ReviewViewModel review() {
        return review;
    }

    public void show(Stage stage) {
        window.show(stage);
    }

    /** Saves the settings and closes the project; call once the window is gone. */
    public void shutdown() {
        review.flush();
        compare.flush();
        viewModel.shutdown();
        tasks.close();
    }
}
