package io.siftbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.views.shell.FileDialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** No failure goes unsaid in the real window, and the log that holds the details is one menu item away. */
class FailuresUiTest {

    @TempDir
    Path dir;

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    private final FxRobot robot = SESSION.robot();
    private final List<Path> shownFolders = new CopyOnWriteArrayList<>();
    private final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    private OpenedShell opened;

    @AfterEach
    void putBackTheHandler() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    private void start() throws Exception {
        opened = SESSION.startWith(dir.resolve("settings.json"), new FileDialogs() {
            @Override
            public Optional<Path> chooseNewProject(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseProjectToOpen(Window owner) {
                return Optional.empty();
            }

            @Override
            public void showFolder(Path folder) {
                shownFolders.add(folder);
            }
        });
    }

    @Test
    void anExceptionNothingCaughtIsShownWithItsStackTraceOneClickAway() throws Exception {
        start();
        // As the application installs it on start.
        Thread.setDefaultUncaughtExceptionHandler(opened.shell()::uncaught);

        Platform.runLater(() -> {
            throw new IllegalStateException("the chart has no axis");
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#problem-dialog")
                .tryQuery()
                .isPresent());
        DialogPane dialog = robot.lookup("#problem-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Something went wrong in Siftbench");
        assertThat(dialog.getContentText()).isEqualTo("the chart has no axis");
        assertThat(dialog.isExpanded()).as("the details wait for a click").isFalse();
        // The dialog's own "Show Details" link, once the dialog is laid out and showing.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#problem-dialog .details-button")
                .tryQuery()
                .map(n -> n.isVisible()
                        && n.getScene() != null
                        && n.getScene().getWindow().isShowing())
                .orElse(false));
        robot.clickOn(robot.lookup("#problem-dialog .details-button").<javafx.scene.Node>query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, dialog::isExpanded);
        assertThat(robot.lookup("#problem-details").queryAs(TextArea.class).getText())
                .startsWith("java.lang.IllegalStateException: the chart has no axis")
                .contains("\tat ");
        assertThat(robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                        .map(Label::getText))
                .contains("Also in the log (Help ▸ Open log folder): " + dir.resolve("logs"));
    }

    @Test
    void helpOpensTheLogFolderBesideTheSettings() throws Exception {
        start();

        robot.clickOn("Help").clickOn("Open log folder");

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownFolders).containsExactly(dir.resolve("logs"));
    }
}
