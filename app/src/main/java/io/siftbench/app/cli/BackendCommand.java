package io.siftbench.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code siftbench backend …}: work with model backends from the command line. */
@Command(
        name = "backend",
        mixinStandardHelpOptions = true,
        description = "Model backends: Ollama, OpenAI-compatible servers, GGUF files.",
        subcommands = {BackendTestCommand.class, BackendAddCommand.class})
public final class BackendCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
