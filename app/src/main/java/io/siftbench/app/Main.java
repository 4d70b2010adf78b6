package io.siftbench.app;

import io.siftbench.app.cli.Cli;
import javafx.application.Application;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Siftbench: the window when given no arguments, the command line otherwise. This class does not
 * extend {@link Application}, so the plain jar starts JavaFX from the classpath.
 */
public final class Main {

    /** Held so that the level set on it is not lost to garbage collection. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private Main() {
    }

    public static void main(String[] args) {
        // Migrations are routine; only their warnings are worth a line on stderr.
        FLYWAY_LOG.setLevel(Level.WARNING);
        if (args.length == 0) {
            Application.launch(SiftbenchApplication.class);
            // The window is closed: native threads (java-llama.cpp issue #116) must not keep the JVM alive.
            System.exit(0);
        }
        int code = Cli.execute(args);
        // Exit explicitly: the in-process GGUF backend leaves a non-daemon native thread behind.
        System.exit(code);
    }
}
