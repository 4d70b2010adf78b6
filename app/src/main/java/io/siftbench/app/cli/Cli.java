package io.siftbench.app.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Runs one command line and returns its exit code; every failure is one line on stderr. */
public final class Cli {

    private Cli() {
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SiftbenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            commandLine.getErr().println("siftbench: " + message.lines().findFirst().orElse(message));
            return 1;
        });
        return cli.execute(args);
    }
}
