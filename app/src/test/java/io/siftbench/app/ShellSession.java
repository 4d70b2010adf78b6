package io.siftbench.app;

import io.siftbench.views.shell.FileDialogs;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * For UI tests that click through the real shell: the toolkit's stage registered once, the shell started on a
 * project as a researcher opens it ({@link OpenedShell}), and quit after each test that has not quit it itself.
 * Register as a static field with {@code @RegisterExtension}.
 */
public final class ShellSession implements BeforeAllCallback, AfterEachCallback {

    private final FxRobot robot = new FxRobot();
    private OpenedShell opened;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        quit();
    }

    public FxRobot robot() {
        return robot;
    }

    /** Starts the shell with its settings in {@code settingsFile} and opens {@code project}. */
    public Shell start(Path settingsFile, Path project) throws Exception {
        opened = OpenedShell.start(robot, settingsFile, project);
        return opened.shell();
    }

    /** Starts the shell with its settings in {@code settingsFile} and {@code dialogs} answering for the user. */
    public OpenedShell startWith(Path settingsFile, FileDialogs dialogs) throws Exception {
        opened = OpenedShell.startWith(robot, settingsFile, dialogs);
        return opened;
    }

    /** Closes the windows and shuts the shell down, so that the project file can be read afterwards. */
    public void quit() throws Exception {
        if (opened != null) {
            OpenedShell closing = opened;
            opened = null;
            closing.quit();
        }
    }
}
