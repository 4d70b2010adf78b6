package io.siftbench.app.cli;

import picocli.CommandLine.Command;

/** {@code siftbench}: the window without arguments; these subcommands run headless. */
@Command(
        name = "siftbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Build labelled and synthetic text data with a local language model.",
            "Without a subcommand, opens the window.",
            "Every subcommand prints a JSON summary on stdout, progress on stderr,",
            "and exits non-zero with a one-line reason on failure."
        },
        subcommands = {
            DatasetsCommand.class,
            ImportCommand.class,
            BackendCommand.class,
            PromptCommand.class,
            PipelineCommand.class,
            PipelinesCommand.class,
            DecideCommand.class,
            RunCommand.class,
            RunsCommand.class,
            ExportCommand.class,
            MetricsCommand.class,
            EvaluateCommand.class,
            DoubtsCommand.class
        })
public final class SiftbenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
