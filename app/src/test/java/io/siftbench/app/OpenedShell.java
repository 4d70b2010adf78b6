package io.siftbench.app;

import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.shell.FileDialogs;
import io.siftbench.views.testing.AnsweredFileDialogs;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * For UI tests: the real shell in a stage of its own, with its settings in the test's folder, and the
 * project opened as a researcher would (Ctrl+O, the Open dialog answering {@code project}).
 */
public record OpenedShell(Shell shell, Stage stage) {

    public static OpenedShell start(FxRobot robot, Path settingsFile, Path project) throws Exception {
        return startWith(robot, settingsFile, opening(project));
    }

    /** The shell with {@code dialogs} answering for the user, after Ctrl+O. */
    public static OpenedShell startWith(FxRobot robot, Path settingsFile, FileDialogs dialogs) throws Exception {
        JsonSettingsFile settings = new JsonSettingsFile(settingsFile);
        Shell[] shell = new Shell[1];
        Stage[] stage = new Stage[1];
        FxToolkit.setupFixture(() -> {
            shell[0] = new Shell(settings, settings.load(), dialogs);
            stage[0] = new Stage();
            shell[0].show(stage[0]);
            stage[0].toFront();
        });
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        return new OpenedShell(shell[0], stage[0]);
    }

    /** File dialogs that open {@code project} (nothing when null) and create nothing. */
    public static FileDialogs opening(Path project) {
        return AnsweredFileDialogs.opening(project);
    }

    /** Closes every window the test opened (dialogs included) and shuts the shell down. */
    public void quit() throws Exception {
        FxToolkit.setupFixture(() -> {
            Window.getWindows().stream()
                    .filter(w -> w != stage && w instanceof Stage)
                    .toList()
                    .forEach(w -> ((Stage) w).close());
            stage.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
        shell.shutdown();
    }
}
