package io.siftbench.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code siftbench prompt …}: prompt versions from the command line. */
@Command(
        name = "prompt",
        mixinStandardHelpOptions = true,
        description = "Work with prompt versions.",
        subcommands = {PromptAddCommand.class})
public final class PromptCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
