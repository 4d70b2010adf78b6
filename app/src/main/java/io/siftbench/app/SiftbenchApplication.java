package io.siftbench.app;

import io.siftbench.model.settings.UserSettings;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.shell.NativeFileDialogs;
import javafx.application.Application;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/** The JavaFX application: the main window with the user's settings. */
public final class SiftbenchApplication extends Application {

    private JsonSettingsFile settingsFile;
    private UserSettings settings;
    private Shell shell;

    @Override
    public void init() {
        // init() runs on the launcher thread, so reading the settings file never holds up the UI thread.
        settingsFile = JsonSettingsFile.forCurrentUser();
        settings = settingsFile.load();
    }

    @Override
    public void start(Stage stage) {
        shell = new Shell(settingsFile, settings, new NativeFileDialogs());
        stage.setOnShown(e -> System.err.printf("Siftbench: main window shown %d ms after JVM start%n",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()));
        shell.show(stage);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
