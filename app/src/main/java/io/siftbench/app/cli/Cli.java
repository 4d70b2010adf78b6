package io.siftbench.app.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Runs one command line and returns its exit code; every failure is one line on stderr, and in the log in full. */
public final class Cli {

    private static final Logger LOG = Logger.getLogger(Cli.class.getName());

    private Cli() {}

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SiftbenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            LOG.log(Level.SEVERE, String.join(" ", args) + " failed", e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            commandLine
                    .getErr()
                    .println("siftbench: " + message.lines().findFirst().orElse(message));
            return 1;
        });
        // A mistyped option or a name that is not in the project: one line that says what, and where help is,
        // rather than the whole usage text burying the reason.
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr()
                    .println("siftbench: " + e.getMessage().lines().findFirst().orElse(e.getMessage()));
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }
}
