package io.siftbench.app;

import io.siftbench.app.cli.Cli;
import io.siftbench.storage.project.ProjectFile;
import io.siftbench.storage.settings.JsonSettingsFile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts Siftbench: the window when given no arguments or just a project file (what a desktop double-click
 * passes), the command line otherwise. This class does not extend {@link Application}, so the plain jar
 * starts JavaFX from the classpath.
 */
public final class Main {

    /** Held so that the level set on it is not lost to garbage collection. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private Main() {}

    public static void main(String[] args) {
        AppLog.install(AppLog.folder(JsonSettingsFile.configFolder()));
        // Migrations are routine; only their warnings are worth a line in the log.
        FLYWAY_LOG.setLevel(Level.WARNING);
        if (args.length == 0 || projectToOpen(args).isPresent()) {
            Application.launch(SiftbenchApplication.class, args);
            // The window is closed: native threads (java-llama.cpp issue #116) must not keep the JVM alive.
            System.exit(0);
        }
        int code = Cli.execute(args);
        // Exit explicitly: the in-process GGUF backend leaves a non-daemon native thread behind.
        System.exit(code);
    }

    /** The project file to open in the window: the only argument, when it names an existing project file. */
    static Optional<Path> projectToOpen(String... args) {
        if (args.length != 1 || !args[0].endsWith(ProjectFile.SUFFIX)) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(args[0]).toAbsolutePath();
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
