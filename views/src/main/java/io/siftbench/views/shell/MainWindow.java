package io.siftbench.views.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.siftbench.model.project.Project;
import io.siftbench.model.settings.Theme;
import io.siftbench.model.settings.WindowBounds;
import io.siftbench.views.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: File and View menus, the screen navigation on the left, the chosen screen in the
 * centre and the status bar at the bottom. It only builds nodes and binds them to its view model.
 */
public final class MainWindow {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private final MainWindowViewModel viewModel;
    private final FileDialogs dialogs;
    private final About about;
    private final Map<Screen, ScreenView> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, StackPane> frames = new EnumMap<>(Screen.class);
    private final BorderPane root = new BorderPane();
    private final StackPane centre = new StackPane();
    private final Menu recentMenu = new Menu("Open recent");
    private Stage stage;

    public MainWindow(
            MainWindowViewModel viewModel,
            FileDialogs dialogs,
            List<ScreenView> screenViews,
            FxTaskExecutor tasks,
            About about) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.about = about;
        screenViews.forEach(v -> screens.put(v.screen(), v));
        for (Screen s : Screen.values()) {
            Objects.requireNonNull(screens.get(s), () -> "no view for screen " + s);
        }
        root.getStyleClass().add("main-window");
        root.setTop(menuBar());
        root.setLeft(navigation());
        root.setCenter(centre);
        root.setBottom(new StatusBar(viewModel.projectProperty().map(Project::file), tasks.running()));
        viewModel.screenProperty().addListener((obs, was, now) -> showScreen(now));
        showScreen(viewModel.screenProperty().get());
        tasks.onUnheardFailure((title, error) -> viewModel.report(Problem.of(title + " failed", error)));
        viewModel.noticeProperty().addListener((obs, was, now) -> {
            if (now != null) {
                alert(Alert.AlertType.INFORMATION, now, "notice-dialog").show();
            }
        });
        viewModel.problemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                showProblem(now);
            }
        });
    }

    /** Puts the window on {@code stage}, where it was last time, and shows it. */
    public void show(Stage target) {
        this.stage = target;
        Scene scene = new Scene(root);
        scene.getStylesheets()
                .add(MainWindow.class.getResource("main-window.css").toExternalForm());
        target.setScene(scene);
        target.titleProperty().bind(viewModel.titleProperty());
        ICON_SIZES.forEach(size -> target.getIcons()
                .add(new Image(Objects.requireNonNull(
                        MainWindow.class.getResourceAsStream("/io/siftbench/icons/siftbench-" + size + ".png")))));
        applyTheme(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener((obs, was, now) -> applyTheme(now));
        place(target, viewModel.windowBounds());
        target.setOnHidden(e -> viewModel.rememberWindow(boundsOf(target)));
        // Quitting leaves the screen shown too: it may ask about edits not saved first, or stay.
        target.setOnCloseRequest(e -> {
            e.consume();
            quit();
        });
        target.show();
    }

    public Stage stage() {
        return stage;
    }

    private MenuBar menuBar() {
        MenuItem newProject = item("New project…", "Shortcut+N", () -> dialogs.chooseNewProject(stage)
                .ifPresent(viewModel::newProject));
        newProject.setId("menu-new-project");
        MenuItem openProject = item("Open project…", "Shortcut+O", () -> dialogs.chooseProjectToOpen(stage)
                .ifPresent(viewModel::openProject));
        openProject.setId("menu-open-project");
        MenuItem example = item("New example project…", "Shortcut+Shift+N", () -> dialogs.chooseNewExampleProject(stage)
                .ifPresent(viewModel::newExampleProject));
        example.setId("menu-new-example");
        recentMenu.setId("menu-open-recent");
        rebuildRecent();
        viewModel.recentProjects().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        MenuItem close = item("Close", "Shortcut+W", viewModel::closeProject);
        close.setId("menu-close-project");
        close.disableProperty().bind(viewModel.projectProperty().isNull());
        MenuItem quit = item("Quit", "Shortcut+Q", this::quit);
        quit.setId("menu-quit");
        Menu file = new Menu(
                "File",
                null,
                newProject,
                example,
                openProject,
                recentMenu,
                new SeparatorMenuItem(),
                close,
                new SeparatorMenuItem(),
                quit);

        file.setId("menu-file");

        Menu view = new Menu("View");
        view.setId("menu-view");
        MenuItem theme = item("Toggle dark theme", "Shortcut+Shift+D", viewModel::toggleTheme);
        theme.setId("menu-toggle-theme");
        view.getItems().addAll(theme, new SeparatorMenuItem());
        for (Screen s : Screen.values()) {
            MenuItem go = item(s.title(), "Shortcut+" + (s.ordinal() + 1), () -> go(s));
            view.getItems().add(go);
        }
        MenuItem aboutItem = new MenuItem("About Siftbench");
        aboutItem.setId("menu-about");
        aboutItem.setOnAction(e -> AboutDialog.show(stage, about));
        MenuItem logItem = new MenuItem("Open log folder");
        logItem.setId("menu-log-folder");
        logItem.setOnAction(e -> dialogs.showFolder(about.logFolder()));
        MenuItem shortcuts = item(
                "Keyboard shortcuts",
                "F1",
                () -> ShortcutsDialog.show(stage, ShortcutsDialog.ofMenus((MenuBar) root.getTop()), screens.values()));
        shortcuts.setId("menu-shortcuts");
        MenuItem quickStart = new MenuItem("Quick start");
        quickStart.setId("menu-quick-start");
        quickStart.setOnAction(e -> AboutDialog.showQuickStart(stage, about));
        Menu help = new Menu("Help", null, quickStart, shortcuts, logItem, new SeparatorMenuItem(), aboutItem);
        help.setId("menu-help");
        MenuBar bar = new MenuBar(file, view);
        // A screen's own commands get a menu named after the screen, after File and View.
        screens.values().stream().filter(v -> !v.menuItems().isEmpty()).forEach(v -> {
            Menu menu = new Menu(v.screen().title(), null, v.menuItems().toArray(MenuItem[]::new));
            menu.setId("menu-" + EmptyScreenView.screenId(v.screen()));
            bar.getMenus().add(menu);
        });
        // Help comes last, where every desktop program has it.
        bar.getMenus().add(help);
        return bar;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        List<Path> recent = viewModel.recentProjects();
        for (int i = 0; i < recent.size(); i++) {
            Path p = recent.get(i);
            MenuItem open = new MenuItem(p.toString());
            open.setMnemonicParsing(false);
            if (i < 9) {
                open.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+" + (i + 1)));
            }
            open.setOnAction(e -> viewModel.openProject(p));
            recentMenu.getItems().add(open);
        }
        recentMenu.setDisable(recent.isEmpty());
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private VBox navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox();
        nav.getStyleClass().add("navigation");
        for (Screen s : Screen.values()) {
            ToggleButton button = new ToggleButton(s.title(), new FontIcon(s.icon()));
            button.setId("nav-" + EmptyScreenView.screenId(s));
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setTooltip(new Tooltip(s.title() + " (Ctrl+" + (s.ordinal() + 1) + ")"));
            button.setUserData(s);
            button.setSelected(s == viewModel.screenProperty().get());
            nav.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                group.selectToggle(was); // one screen is always shown
            } else if (now.getUserData() != viewModel.screenProperty().get()) {
                go((Screen) now.getUserData());
                // Not left (the researcher stays, or a save is still being written): its button stays chosen.
                if (now.getUserData() != viewModel.screenProperty().get()) {
                    group.selectToggle(was);
                }
            }
        });
        viewModel.screenProperty().addListener((obs, was, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now)
                .findFirst()
                .ifPresent(group::selectToggle));
        return nav;
    }

    private void quit() {
        screens.get(viewModel.screenProperty().get()).leave(stage::close);
    }

    /** Shows {@code next} once the screen shown lets itself be left. */
    private void go(Screen next) {
        Screen current = viewModel.screenProperty().get();
        if (next != current) {
            screens.get(current).leave(() -> viewModel.screenProperty().set(next));
        }
    }

    private void showScreen(Screen screen) {
        centre.getChildren().setAll(frames.computeIfAbsent(screen, s -> {
            // Each screen sits in a frame of its own id, so that tests and styles find it whatever it shows.
            StackPane frame = new StackPane(screens.get(s).node());
            frame.setId("screen-" + EmptyScreenView.screenId(s));
            return frame;
        }));
    }

    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(
                theme == Theme.DARK
                        ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
        root.pseudoClassStateChanged(DARK, theme == Theme.DARK);
    }

    private Alert alert(Alert.AlertType type, Problem what, String id) {
        Alert alert = new Alert(type);
        alert.initOwner(stage);
        alert.setTitle("Siftbench");
        alert.setHeaderText(what.heading());
        alert.setContentText(what.message());
        alert.getDialogPane().setId(id);
        return alert;
    }

    private void showProblem(Problem problem) {
        Alert alert = alert(Alert.AlertType.ERROR, problem, "problem-dialog");
        if (problem.details() != null) {
            // The stack trace is for a bug report: one click away, and in the log for when the dialog is gone.
            TextArea details = new TextArea(problem.details());
            details.setId("problem-details");
            details.setEditable(false);
            details.setPrefRowCount(14);
            alert.getDialogPane()
                    .setExpandableContent(new VBox(
                            6, new Label("Also in the log (Help ▸ Open log folder): " + about.logFolder()), details));
        }
        alert.show();
    }

    private static void place(Stage stage, WindowBounds bounds) {
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        if (bounds.unplaced()) {
            stage.centerOnScreen();
        } else {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(bounds.maximized());
    }

    private static WindowBounds boundsOf(Stage stage) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }
}
