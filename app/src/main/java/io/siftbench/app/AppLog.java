package io.siftbench.app;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log every failure goes to with its stack trace, the window's and the command line's alike: a few rotating
 * files in the settings folder, so that a bug report can say what happened after the dialog is gone. Nothing logged
 * reaches the terminal: the command line says its one-line reason itself, and the warnings of third-party
 * libraries (the embedding runtime, Flyway) are for the file, not for a researcher's terminal.
 */
public final class AppLog {

    /** Each file holds up to 1 MiB; five are kept, the newest named {@code siftbench-0.log}. */
    private static final int FILE_BYTES = 1 << 20;

    private static final int FILES = 5;
    /** The root logger keeps its handler only while something holds it: the root itself, held here. */
    private static final Logger ROOT = Logger.getLogger("");

    private AppLog() {}

    /** Sends everything from INFO up to the files in {@code folder} (made if missing) and nowhere else. */
    public static void install(Path folder) {
        try {
            Files.createDirectories(folder);
            FileHandler file = new FileHandler(
                    // The handler reads % as its own; a folder's % is doubled to stay a character.
                    folder.toString().replace("%", "%%") + File.separator + "siftbench-%g.log",
                    FILE_BYTES,
                    FILES,
                    true);
            file.setFormatter(new LineFormatter());
            file.setLevel(Level.INFO);
            LogManager.getLogManager().reset();
            for (Handler h : ROOT.getHandlers()) {
                ROOT.removeHandler(h);
            }
            ROOT.addHandler(file);
            ROOT.setLevel(Level.INFO);
        } catch (IOException e) {
            // Without a log the program still works; say once where it could not be written.
            System.err.println("siftbench: cannot write the log in " + folder + ": " + e.getMessage());
        }
    }

    /** The folder the log is in, beside the settings file. */
    public static Path folder(Path settingsFolder) {
        return settingsFolder.resolve("logs");
    }

    /** One line per record (time, level, where, what), then the stack trace of a failure. */
    private static final class LineFormatter extends Formatter {

        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(Instant.ofEpochMilli(record.getMillis())))
                    .append(' ')
                    .append(record.getLevel().getName())
                    .append(' ')
                    .append(record.getLoggerName())
                    .append(": ")
                    .append(formatMessage(record))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
