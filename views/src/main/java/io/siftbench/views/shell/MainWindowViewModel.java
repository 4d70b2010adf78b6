package io.siftbench.views.shell;

import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectOpener;
import io.siftbench.model.settings.SettingsRepository;
import io.siftbench.model.settings.Theme;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.model.settings.WindowBounds;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: the open project, the chosen screen, the theme and the recent projects.
 * Opening, closing and remembering run in the background; results arrive on the UI thread.
 */
public final class MainWindowViewModel {

    private final ProjectOpener opener;
    private final SettingsRepository settingsRepository;
    private final TaskExecutor tasks;
    private final ExampleMaker example;

    private final AtomicReference<UserSettings> settings;
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    /** What the user is told that is not a problem, e.g. what the example project set up; a new value each time. */
    private final ReadOnlyObjectWrapper<Problem> notice = new ReadOnlyObjectWrapper<>(this, "notice");

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.DATASETS);
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    /** Kept, not made per call: the wrapper listens weakly, so a dropped one would stop telling its listeners. */
    private final ObservableList<Path> recentProjectsReadOnly =
            FXCollections.unmodifiableObservableList(recentProjects);

    public MainWindowViewModel(
            ProjectOpener opener,
            SettingsRepository settingsRepository,
            UserSettings initial,
            TaskExecutor tasks,
            ExampleMaker example) {
        this.opener = opener;
        this.settingsRepository = settingsRepository;
        this.tasks = tasks;
        this.example = example;
        this.settings = new AtomicReference<>(initial);
        theme.set(initial.theme());
        recentProjects.setAll(initial.recentProjects());
        title.bind(Bindings.createStringBinding(
                () -> project.get() == null
                        ? "Siftbench"
                        : "Siftbench — " + project.get().file().getFileName(),
                project));
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** Shows {@code what} to the user: a failure no screen of the window had a word for. */
    public void report(Problem what) {
        problem.set(what);
    }

    /** The newest problem to show the user; a new value each time. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The newest notice to show the user, heading and message as a problem has them; a new value each time. */
    public ReadOnlyObjectProperty<Problem> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ObservableList<Path> recentProjects() {
        return recentProjectsReadOnly;
    }

    public WindowBounds windowBounds() {
        return settings.get().window();
    }

    /** Creates (or opens, if it already exists) the project at {@code file}. */
    public void newProject(Path file) {
        openProject(file);
    }

    /**
     * Makes the example project at {@code file} and opens it. A file that already holds a project with datasets or
     * prompts is refused and left as it was: the example is made only in a new or empty project.
     */
    public void newExampleProject(Path file) {
        record Made(Project project, String told) {}
        tasks.execute(BackgroundTask.of("Making the example project", progress -> {
                    Project made = opener.open(file);
                    try {
                        if (!made.datasets().list().isEmpty()
                                || !made.prompts().list().isEmpty()) {
                            throw new IllegalArgumentException(made.file().getFileName()
                                    + " already holds datasets or prompts; choose a new file for the example.");
                        }
                        return new Made(made, example.fill(made));
                    } catch (RuntimeException e) {
                        made.close();
                        throw e;
                    }
                })
                .onSuccess(made -> {
                    show(made.project());
                    notice.set(new Problem("The example project is ready", made.told()));
                })
                .onFailure(error -> problem.set(Problem.of("Could not make the example project", error))));
    }

    /** Opens {@code file}, closing the project that was open once the new one is ready. */
    public void openProject(Path file) {
        tasks.execute(BackgroundTask.of("Opening " + file.getFileName(), progress -> opener.open(file))
                .onSuccess(this::show)
                .onFailure(error -> {
                    if (!file.toFile().exists() && recentProjects.contains(file)) {
                        update(s -> s.withoutRecent(file));
                        recentProjects.setAll(settings.get().recentProjects());
                    }
                    problem.set(Problem.of("Could not open the project", error));
                }));
    }

    /** Shows {@code opened} in the window, closing the project that was open, and remembers it as recent. */
    private void show(Project opened) {
        Project previous = project.get();
        project.set(opened);
        closeInBackground(previous);
        update(s -> s.withRecent(opened.file()));
        recentProjects.setAll(settings.get().recentProjects());
    }

    public void closeProject() {
        Project previous = project.get();
        project.set(null);
        closeInBackground(previous);
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
        update(s -> s.withTheme(theme.get()));
    }

    public void rememberWindow(WindowBounds bounds) {
        update(s -> s.withWindow(bounds));
    }

    /** Writes the settings and closes the project now, on the calling thread: the window is already gone. */
    public void shutdown() {
        settingsRepository.save(settings.get());
        Project open = project.get();
        if (open != null) {
            open.close();
        }
    }

    private void closeInBackground(Project previous) {
        if (previous != null) {
            tasks.execute(BackgroundTask.of("Closing " + previous.file().getFileName(), progress -> {
                        previous.close();
                        return null;
                    })
                    .quiet());
        }
    }

    private void update(UnaryOperator<UserSettings> change) {
        settings.updateAndGet(change);
        // Saves the newest settings, whichever save runs last, so that two quick changes never regress.
        tasks.execute(BackgroundTask.of("Saving settings", progress -> {
                    synchronized (settingsRepository) {
                        settingsRepository.save(settings.get());
                    }
                    return null;
                })
                .quiet()
                .onFailure(error -> problem.set(Problem.of("Could not save settings", error))));
    }
}
