package io.siftbench.app.cli;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.storage.settings.JsonBackendsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code siftbench backend add --name N --kind K (--url U | --file F | --endpoint URL[=LIMIT]…) [--model M]}: saves
 * one of the user's backends, as Settings does. Repeated {@code --endpoint}s make one backend spread over several
 * servers (replicas of one model), each with its own limit of requests in flight. The API key, where the server
 * wants one, is read from {@code SIFTBENCH_API_KEY}, never from the command line.
 */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = {
            "Save a backend among your backends (as Settings does); prints it as {name, kind, endpoints, model}.",
            "Several --endpoint URL[=LIMIT] spread its requests over replicas of one model, each request to the one"
                    + " with the fewest in flight for its limit; give run --concurrency their sum to fill them all.",
            "An API key, where the server wants one, is read from SIFTBENCH_API_KEY."
        })
public final class BackendAddCommand implements Callable<Integer> {

    @Option(names = "--name", required = true, paramLabel = "N", description = "The backend's name, unique.")
    String name;

    @Option(
            names = "--kind",
            required = true,
            paramLabel = "ollama|openai|gguf",
            converter = BackendTestCommand.KindConverter.class,
            description = "Which kind of backend.")
    BackendKind kind;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
        @Option(names = "--url", paramLabel = "U", description = "Server base URL (for OpenAI-compatible, up to /v1).")
        String url;

        @Option(names = "--file", paramLabel = "F", description = "GGUF model file.")
        Path file;

        @Option(
                names = "--endpoint",
                paramLabel = "URL[=LIMIT]",
                description = "A server of the backend, with its requests in flight (default: --max-in-flight);"
                        + " repeat for each replica.")
        List<String> endpoints;
    }

    @Option(names = "--model", paramLabel = "M", description = "The model to generate with.")
    String model;

    @Option(
            names = "--max-in-flight",
            paramLabel = "N",
            defaultValue = "" + BackendConfig.DEFAULT_MAX_IN_FLIGHT,
            description = "Most requests in flight at once (each endpoint's, where it names none; default:"
                    + " ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            defaultValue = "" + BackendConfig.DEFAULT_MAX_RETRIES,
            description = "Retries after a connection error, a 5xx or a timeout (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--default", description = "Make it the default backend.")
    boolean makeDefault;

    @Spec
    CommandSpec spec;

    /** What is printed: the backend as saved, without its key. */
    record Added(String name, String kind, List<String> endpoints, String model, boolean isDefault) {}

    @Override
    public Integer call() {
        List<Endpoint> endpoints = new ArrayList<>();
        if (where.endpoints != null) {
            for (String e : where.endpoints) {
                endpoints.add(Endpoint.parse(e, maxInFlight));
            }
        }
        String location = where.url != null
                ? where.url
                : where.file != null ? where.file.toString() : endpoints.get(0).location();
        BackendConfig config = BackendConfig.of(kind, location, model)
                .withName(name)
                .withApiKey(System.getenv(BackendTestCommand.KEY_VARIABLE))
                .withLimits(maxInFlight, maxRetries)
                .withEndpoints(Endpoint.distinct(endpoints));
        JsonBackendsFile file = JsonBackendsFile.forCurrentUser();
        BackendSettings settings = file.load().with(null, config);
        if (makeDefault) {
            settings = settings.withDefault(config.name());
        }
        file.save(settings);
        JsonOut.print(
                spec.commandLine().getOut(),
                new Added(
                        config.name(),
                        kind.name().toLowerCase(java.util.Locale.ROOT),
                        config.spread()
                                ? config.endpoints().stream()
                                        .map(Endpoint::toString)
                                        .toList()
                                : List.of(config.location() + "=" + config.maxInFlight()),
                        config.model(),
                        config.name().equals(settings.defaultBackend())));
        return 0;
    }
}
