package io.siftbench.app.cli;

import io.siftbench.app.backends.LocalBackendProbe;
import io.siftbench.app.backends.Providers;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.ConnectionReport;
import io.siftbench.model.backends.Generation;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.GenerationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench backend test --kind ollama|openai|gguf (--url U | --file F) [--model M]}: lists the
 * backend's models and times one short generation. An API key is read from the {@code SIFTBENCH_API_KEY}
 * environment variable, never from the command line, where other users could see it.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "List a backend's models and time one short generation.",
            "An API key, where the server wants one, is read from SIFTBENCH_API_KEY."
        })
public final class BackendTestCommand implements Callable<Integer> {

    static final String KEY_VARIABLE = "SIFTBENCH_API_KEY";

    @Option(
            names = "--kind",
            required = true,
            paramLabel = "ollama|openai|gguf",
            converter = KindConverter.class,
            description = "Which kind of backend.")
    BackendKind kind;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Location location;

    static final class Location {
        @Option(names = "--url", paramLabel = "U", description = "Server base URL (for OpenAI-compatible, up to /v1).")
        String url;

        @Option(names = "--file", paramLabel = "F", description = "GGUF model file.")
        Path file;
    }

    @Option(names = "--model", paramLabel = "M", description = "Model to generate with (default: the first listed).")
    String model;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            description = "GGUF: threads (default: one per physical core).")
    int threads;

    @Option(
            names = "--ctx-size",
            paramLabel = "N",
            defaultValue = "" + BackendConfig.DEFAULT_CONTEXT_SIZE,
            description = "GGUF: context size in tokens (default: ${DEFAULT-VALUE}).")
    int contextSize;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "Timeout of the generation (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    /** What is printed: the models, and the short generation with its accounting. */
    /** @param server the server that answered, as Settings names it; null for a GGUF file */
    record Tested(
            String kind,
            String location,
            String server,
            List<String> models,
            String model,
            long listMillis,
            Generated generation) {}

    record Generated(String text, long latencyMillis, int promptTokens, int completionTokens, String finishReason) {
        static Generated of(Generation g) {
            return new Generated(
                    g.text(), g.latency().toMillis(), g.promptTokens(), g.completionTokens(), g.finishReason());
        }
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<BackendKind> {
        @Override
        public BackendKind convert(String value) {
            return BackendKind.parse(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        String where = location.url != null ? location.url : location.file.toString();
        String key = System.getenv(KEY_VARIABLE);
        BackendConfig config = BackendConfig.of(kind, where, model)
                .withApiKey(key)
                .withGguf(threads, contextSize)
                .withLimits(1, 0);
        ConnectionReport report = new LocalBackendProbe().test(config);
        if (!report.ok()) {
            throw new IllegalStateException(report.problem());
        }
        String chosen = model != null && !model.isBlank()
                ? model
                : kind == BackendKind.GGUF || report.models().isEmpty()
                        ? ""
                        : report.models().get(0);
        spec.commandLine().getErr().println("Generating with " + (chosen.isEmpty() ? where : chosen) + "…");
        GenerationParameters parameters =
                new GenerationParameters(0.0, 1.0, 16, 1, List.of(), Duration.ofSeconds(timeoutSeconds));
        try (BackendClient client = new BackendClient(Providers.open(config.withModel(chosen)))) {
            Generation g = client.generate(GenerationRequest.of("Say hello in five words.", parameters));
            JsonOut.print(
                    spec.commandLine().getOut(),
                    new Tested(
                            kind.name().toLowerCase(java.util.Locale.ROOT),
                            where,
                            report.server() == null ? null : report.server().title(),
                            report.models(),
                            g.model(),
                            report.latency().toMillis(),
                            Generated.of(g)));
        }
        return 0;
    }
}
