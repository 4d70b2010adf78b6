package io.siftbench.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code siftbench pipeline …}: pipeline versions from the command line. */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Work with pipeline versions.",
        subcommands = {PipelineAddCommand.class, PipelineTreeCommand.class})
public final class PipelineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
