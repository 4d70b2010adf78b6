package io.siftbench.app;

import io.siftbench.model.settings.UserSettings;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.shell.NativeFileDialogs;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window with the user's settings. */
public final class SiftbenchApplication extends Application {

    private JsonSettingsFile settingsFile;
    private UserSettings settings;
    private Shell shell;
    private Optional<Path> projectToOpen;

    @Override
    public void init() {
        // init() runs on the launcher thread, so reading the settings file never holds up the UI thread.
        settingsFile = JsonSettingsFile.forCurrentUser();
        settings = settingsFile.load();
        projectToOpen = Main.projectToOpen(getParameters().getRaw().toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        shell = new Shell(settingsFile, settings, new NativeFileDialogs(getHostServices()));
        Thread.setDefaultUncaughtExceptionHandler(shell::uncaught);
        stage.setOnShown(e -> System.err.printf(
                "Siftbench: main window shown %d ms after JVM start%n",
                System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime()));
        shell.show(stage);
        projectToOpen.ifPresent(shell.viewModel()::openProject);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
