package io.siftbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.settings.Theme;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.shell.FileDialogs;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.testing.AnsweredFileDialogs;
import io.siftbench.views.testing.Robots;
import io.siftbench.views.testing.Truncation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real shell headless, drives it as a user would, restarts it, and checks what it remembered. */
class ShellUiTest {

    /** What each screen says in a new project before anything is in it. */
    private static final Map<Screen, String> EMPTY_TEXTS = Map.of(
            Screen.DATASETS, "No datasets yet",
            Screen.PROMPT_STUDIO, "Versions",
            Screen.PIPELINES, "No pipelines yet",
            Screen.COMPARE, "Nothing to compare yet",
            Screen.REVIEW, "No samples to review",
            Screen.INSIGHTS, "No runs to measure",
            Screen.RUNS, "No runs yet",
            Screen.SETTINGS, "No backends yet: add Ollama, an OpenAI-compatible server or a GGUF file.");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Shell shell;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (stage != null) {
            quit();
        }
    }

    @Test
    void createProjectVisitEveryScreenSwitchThemeAndRestart() throws Exception {
        Path settingsFile = dir.resolve("config/settings.json");
        Path project = dir.resolve("first.mv.db");
        start(settingsFile, AnsweredFileDialogs.creating(project));

        assertThat(statusProject()).isEqualTo("No project open");
        // The lists beside an editor say it in their own width, every word whole.
        for (Screen screen : List.of(Screen.PROMPT_STUDIO, Screen.PIPELINES)) {
            String id = screen.name().toLowerCase(Locale.ROOT).replace('_', '-');
            robot.clickOn("#nav-" + id);
            WaitForAsyncUtils.waitForFxEvents();
            Parent empty = robot.lookup("#" + id + "-empty").queryAs(Parent.class);
            assertThat(robot.from(empty)
                            .lookup((Labeled l) -> "No project open".equals(l.getText()))
                            .tryQuery())
                    .as(screen.title() + " says no project is open")
                    .isPresent();
            assertThat(Truncation.clipped(empty)).as(screen.title()).isEmpty();
        }
        robot.clickOn("File").clickOn("New project…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> statusProject().equals(project.toString()));
        assertThat(Files.exists(project)).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Siftbench — first.mv.db");

        for (Screen screen : Screen.values()) {
            String id = screen.name().toLowerCase(Locale.ROOT).replace('_', '-');
            robot.clickOn("#nav-" + id);
            WaitForAsyncUtils.waitForFxEvents();
            Node frame = robot.lookup("#screen-" + id).query();
            assertThat(frame.getScene()).as(screen.title() + " is shown").isNotNull();
            assertThat(robot.from(frame)
                            .lookup((Labeled l) -> l.isVisible()
                                    && showing(l)
                                    && EMPTY_TEXTS.get(screen).equals(l.getText()))
                            .tryQuery())
                    .as(screen.title() + " says '" + EMPTY_TEXTS.get(screen) + "'")
                    .isPresent();
        }

        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        robot.clickOn("View").clickOn("Toggle dark theme");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(stage.getScene().getRoot().getPseudoClassStates().toString()).contains("dark");

        quit();
        UserSettings remembered = new JsonSettingsFile(settingsFile).load();
        assertThat(remembered.theme()).isEqualTo(Theme.DARK);
        assertThat(remembered.recentProjects()).containsExactly(project);

        start(settingsFile, AnsweredFileDialogs.creating(dir.resolve("unused.mv.db")));
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(statusProject()).isEqualTo("No project open");
        robot.clickOn("File").clickOn("Open recent").clickOn(project.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> statusProject().equals(project.toString()));
    }

    @Test
    void fileMenuCommandsWorkFromTheKeyboard() throws Exception {
        start(dir.resolve("settings.json"), AnsweredFileDialogs.creating(dir.resolve("p.mv.db")));
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        var file = bar.getMenus().get(0);
        assertThat(file.getItems().stream()
                        .filter(i -> i.getText() != null && !i.getText().equals("Open recent"))
                        .map(MenuItem::getText))
                .containsExactly("New project…", "New example project…", "Open project…", "Close", "Quit");
        assertThat(file.getItems().stream()
                        .filter(i -> i.getText() != null && !i.getText().equals("Open recent"))
                        .map(i -> i.getAccelerator().getDisplayText()))
                .containsExactly("Ctrl+N", "Ctrl+Shift+N", "Ctrl+O", "Ctrl+W", "Ctrl+Q");

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> statusProject().endsWith("p.mv.db"));
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> statusProject().equals("No project open"));
    }

    @Test
    void projectThatCannotBeOpenedIsExplainedInADialog() throws Exception {
        Path stranger = dir.resolve("stranger.mv.db");
        Files.writeString(stranger, "not a database");
        start(dir.resolve("settings.json"), OpenedShell.opening(stranger));

        robot.clickOn("File").clickOn("Open project…");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#problem-dialog")
                .tryQuery()
                .isPresent());
        assertThat(robot.lookup("#problem-dialog .content").queryAs(Label.class).getText())
                .isEqualTo(stranger + " is not a Siftbench project: it is not an H2 database file.");
        assertThat(statusProject()).isEqualTo("No project open");
        Robots.clickWhenShown(robot, "OK");
    }

    private void start(Path settingsFile, FileDialogs dialogs) throws Exception {
        JsonSettingsFile settings = new JsonSettingsFile(settingsFile);
        UserSettings loaded = settings.load();
        FxToolkit.setupFixture(() -> {
            shell = new Shell(settings, loaded, dialogs);
            stage = new Stage();
            shell.show(stage);
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void quit() throws Exception {
        Stage closing = stage;
        stage = null;
        FxToolkit.setupFixture(closing::close);
        WaitForAsyncUtils.waitForFxEvents();
        shell.shutdown();
    }

    /** Visible all the way up: a label inside a hidden pane is not seen by the user. */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String statusProject() {
        return robot.lookup("#status-project").queryAs(Label.class).getText();
    }
}
