package io.siftbench.model.backends;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One backend as the user configured it. {@code location} is a base URL for a server and a file path for
 * a GGUF file. The API key is a secret: it lives only in the user's owner-only settings file, and
 * {@link #toString()} masks it so that it never reaches a log.
 *
 * @param server            the server that answered when the backend was probed ("Test connection", or its first
 *                          use); null while it never was
 * @param schemaStyleChosen whether the user chose the schema style by hand: a probe then leaves it as it is
 * @param threads     threads for the in-process GGUF backend (0 = one per physical core)
 * @param contextSize context window in tokens for the in-process GGUF backend
 * @param maxInFlight most requests this backend may have in flight at once
 * @param maxRetries  retries after a connection error, a 5xx or a timeout (never after a 4xx)
 * @param keepAlive   seconds Ollama keeps the model loaded after a request, so a run does not reload it
 * @param endpoints   the servers of a backend that lists several (replicas of one model), each with its own
 *                    limit; empty for a backend of one location (a list of one is made that). Where there are some, {@code location} is the
 *                    first one's (what a run stores and finds the backend by) and {@code maxInFlight} their sum
 */
public record BackendConfig(
        String name,
        BackendKind kind,
        String location,
        String model,
        String apiKey,
        SchemaStyle schemaStyle,
        ServerKind server,
        boolean schemaStyleChosen,
        int threads,
        int contextSize,
        int maxInFlight,
        int maxRetries,
        int keepAlive,
        List<Endpoint> endpoints) {

    public static final int DEFAULT_CONTEXT_SIZE = 2048;
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int DEFAULT_KEEP_ALIVE = 600;

    public BackendConfig {
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? kind.title() : name.strip();
        location = location == null ? "" : location.strip();
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        schemaStyle = schemaStyle == null ? SchemaStyle.JSON_SCHEMA : schemaStyle;
        endpoints = endpoints == null ? List.of() : Endpoint.distinct(endpoints);
        if (!endpoints.isEmpty()) {
            if (kind == BackendKind.GGUF) {
                throw new IllegalArgumentException("Backend '" + name + "': a GGUF file has no endpoints");
            }
            location = endpoints.get(0).location();
            maxInFlight = endpoints.stream().mapToInt(Endpoint::maxInFlight).sum();
            // One endpoint is a backend of one location: there is nothing to spread.
            endpoints = endpoints.size() == 1 ? List.of() : endpoints;
        }
        if (threads < 0 || contextSize < 1 || maxInFlight < 1 || maxRetries < 0 || keepAlive < 0) {
            throw new IllegalArgumentException("Backend '" + name + "': threads and retries must be 0 or more; "
                    + "context size and requests in flight at least 1");
        }
    }

    /** A backend of {@code kind} at {@code location} with the defaults for everything else. */
    public static BackendConfig of(BackendKind kind, String location, String model) {
        return new BackendConfig(
                null,
                kind,
                location,
                model,
                "",
                SchemaStyle.JSON_SCHEMA,
                null,
                false,
                0,
                DEFAULT_CONTEXT_SIZE,
                DEFAULT_MAX_IN_FLIGHT,
                DEFAULT_MAX_RETRIES,
                DEFAULT_KEEP_ALIVE,
                List.of());
    }

    /**
     * The backend named on a command line as {@code KIND:URL_OR_FILE}, for example
     * {@code ollama:http://127.0.0.1:11434} or {@code gguf:/models/tiny.gguf}.
     */
    public static BackendConfig parse(String spec, String model) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("Backend '" + spec + "' is not KIND:URL_OR_FILE, for example "
                    + "ollama:http://127.0.0.1:11434, openai:http://127.0.0.1:8080/v1 or gguf:/models/model.gguf");
        }
        return of(BackendKind.parse(spec.substring(0, colon)), spec.substring(colon + 1), model);
    }

    public BackendConfig withName(String newName) {
        return copy(c -> c.name = newName);
    }

    public BackendConfig withModel(String newModel) {
        return copy(c -> c.model = newModel);
    }

    public BackendConfig withApiKey(String newKey) {
        return copy(c -> c.apiKey = newKey);
    }

    /** This backend with the schema style the user chose: no probe changes it after. */
    public BackendConfig withSchemaStyle(SchemaStyle style) {
        return copy(c -> {
            c.schemaStyle = style;
            c.schemaStyleChosen = true;
        });
    }

    /**
     * This backend as a probe found it: {@code found} answered, and the schema style is the one that server honours
     * where it names itself (a server that says nothing more keeps the style it had).
     */
    public BackendConfig withDetected(ServerKind found) {
        return copy(c -> {
            c.server = found;
            if (found != ServerKind.OPENAI_COMPATIBLE) {
                c.schemaStyle = found.schemaStyle();
                c.schemaStyleChosen = false;
            }
        });
    }

    /**
     * Whether its first use should find out which server this is: an OpenAI-compatible backend never probed, whose
     * schema style the user did not choose (the default, json_schema, is ignored by llama.cpp servers).
     */
    public boolean undetected() {
        return kind == BackendKind.OPENAI && server == null && !schemaStyleChosen;
    }

    public BackendConfig withLimits(int newMaxInFlight, int newMaxRetries) {
        return copy(c -> {
            c.maxInFlight = newMaxInFlight;
            c.maxRetries = newMaxRetries;
        });
    }

    /**
     * This backend spread over {@code newEndpoints} (each with its own limit); one endpoint or none makes it a
     * backend of one location again, at that endpoint with its limit.
     */
    public BackendConfig withEndpoints(List<Endpoint> newEndpoints) {
        return copy(c -> c.endpoints = newEndpoints);
    }

    /** Whether requests are spread over several servers. */
    public boolean spread() {
        return !endpoints.isEmpty();
    }

    /** This backend at one of its endpoints only: what a provider is built from for that server. */
    public BackendConfig at(Endpoint endpoint) {
        return copy(c -> {
            c.location = endpoint.location();
            c.maxInFlight = endpoint.maxInFlight();
            c.endpoints = List.of();
        });
    }

    public BackendConfig withGguf(int newThreads, int newContextSize) {
        return copy(c -> {
            c.threads = newThreads;
            c.contextSize = newContextSize;
        });
    }

    /** This {@code BackendConfig} with what {@code change} sets changed: the one place that names every component. */
    private BackendConfig copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The components of a copy being made; each wither sets its own before the copy is built. */
    private static final class Copy {
        private String name;
        private BackendKind kind;
        private String location;
        private String model;
        private String apiKey;
        private SchemaStyle schemaStyle;
        private ServerKind server;
        private boolean schemaStyleChosen;
        private int threads;
        private int contextSize;
        private int maxInFlight;
        private int maxRetries;
        private int keepAlive;
        private List<Endpoint> endpoints;

        private Copy(BackendConfig of) {
            name = of.name;
            kind = of.kind;
            location = of.location;
            model = of.model;
            apiKey = of.apiKey;
            schemaStyle = of.schemaStyle;
            server = of.server;
            schemaStyleChosen = of.schemaStyleChosen;
            threads = of.threads;
            contextSize = of.contextSize;
            maxInFlight = of.maxInFlight;
            maxRetries = of.maxRetries;
            keepAlive = of.keepAlive;
            endpoints = of.endpoints;
        }

        private BackendConfig build() {
            return new BackendConfig(
                    name,
                    kind,
                    location,
                    model,
                    apiKey,
                    schemaStyle,
                    server,
                    schemaStyleChosen,
                    threads,
                    contextSize,
                    maxInFlight,
                    maxRetries,
                    keepAlive,
                    endpoints);
        }
    }

    /** The threads to use: the configured count, or one per physical core. */
    public int effectiveThreads() {
        return threads > 0 ? threads : PhysicalCores.count();
    }

    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    /** The key as the user may see it: its last four characters at most. */
    public String maskedApiKey() {
        return mask(apiKey);
    }

    public static String mask(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        return key.length() <= 8 ? "••••" : "••••" + key.substring(key.length() - 4);
    }

    @Override
    public String toString() {
        return "BackendConfig[name=" + name + ", kind=" + kind + ", location=" + location + ", model=" + model
                + ", apiKey=" + maskedApiKey() + ", schemaStyle=" + schemaStyle + ", server=" + server
                + ", schemaStyleChosen=" + schemaStyleChosen + ", threads=" + threads
                + ", contextSize=" + contextSize + ", maxInFlight=" + maxInFlight + ", maxRetries=" + maxRetries
                + ", keepAlive=" + keepAlive + ", endpoints=" + endpoints + "]";
    }
}
