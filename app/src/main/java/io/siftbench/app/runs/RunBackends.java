package io.siftbench.app.runs;

import io.siftbench.app.backends.FirstUseDetection;
import io.siftbench.app.backends.Providers;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.EndpointLoad;
import io.siftbench.model.backends.ServerDetection;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The backend client of each run, built from what the run stored (kind, location, model) and the user's
 * own backends, which hold the API key and tuning that a project never stores. Clients are kept per
 * backend and concurrency, so a resumed run reuses a loaded model; {@link #close} frees them. One of the user's
 * backends never probed is probed before the run's first request ({@link FirstUseDetection}).
 */
public final class RunBackends implements Function<RunInfo, BackendClient>, AutoCloseable {

    /** An API key for a backend not among the user's backends (scripts, CI). */
    static final String API_KEY_VARIABLE = "SIFTBENCH_API_KEY";

    private final Supplier<BackendSettings> userBackends;
    private final Function<BackendConfig, ChatBackend> providers;
    private final FirstUseDetection firstUse;
    private final Consumer<String> told;
    /** The addresses whose server was told of already: each step of a pipeline asks for its backend again. */
    private final java.util.Set<String> toldAt = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Map<BackendConfig, BackendClient> clients = new HashMap<>();
    /** The client each run was given last: where the Runs screen reads its endpoints' loads now. */
    private final Map<Long, BackendClient> byRun = new HashMap<>();

    /**
     * The user's backends used as they are saved, never probed: for runs on backends a test names.
     *
     * @param userBackends read again for every run, so that changes in Settings count at once
     */
    public RunBackends(Supplier<BackendSettings> userBackends) {
        this(userBackends, Providers::open, null, note -> {});
    }

    /**
     * @param firstUse probes a backend of the user's never probed before, and saves what it found
     * @param told     hears, on the run's thread, what a first use found ("Detected llama.cpp server on …")
     */
    public RunBackends(Supplier<BackendSettings> userBackends, FirstUseDetection firstUse, Consumer<String> told) {
        this(userBackends, Providers::open, firstUse, told);
    }

    RunBackends(Supplier<BackendSettings> userBackends, Function<BackendConfig, ChatBackend> providers) {
        this(userBackends, providers, null, note -> {});
    }

    private RunBackends(
            Supplier<BackendSettings> userBackends,
            Function<BackendConfig, ChatBackend> providers,
            FirstUseDetection firstUse,
            Consumer<String> told) {
        this.userBackends = userBackends;
        this.providers = providers;
        this.firstUse = firstUse;
        this.told = told;
    }

    @Override
    public synchronized BackendClient apply(RunInfo run) {
        BackendConfig config = configOf(run.config().backend(), run.config().concurrency());
        BackendClient client = clients.get(config);
        if (client == null) {
            // The backend changed: the others' in-process models give their memory back (a run still using
            // one loads it again on its next request).
            clients.values().forEach(BackendClient::unload);
            client = BackendClient.open(config, providers);
            clients.put(config, client);
        }
        byRun.put(run.id(), client);
        return client;
    }

    /** The backend {@code run} names, as the user configured it: what a batch file of the run is made for. */
    public BackendConfig configOf(RunInfo run) {
        return configOf(run.config().backend(), run.config().concurrency());
    }

    /**
     * The requests in flight now at each endpoint of the client {@code runId} was given, and which rest; none for a
     * run this window never ran.
     */
    public synchronized List<EndpointLoad> endpointLoads(long runId) {
        BackendClient client = byRun.get(runId);
        return client == null ? List.of() : client.endpointLoads();
    }

    /**
     * What the user configured for this location, with the run's model and its requests in flight; a backend that
     * lists several endpoints keeps them, each with its own limit, whatever the run's concurrency.
     */
    BackendConfig configOf(BackendRef ref, int concurrency) {
        BackendKind kind = BackendKind.parse(ref.kind());
        BackendConfig base = userBackends
                .get()
                .at(kind, ref.location())
                .map(this::detected)
                .orElseGet(() -> named(BackendConfig.of(kind, ref.location(), ref.model())
                        .withApiKey(System.getenv().getOrDefault(API_KEY_VARIABLE, ""))));
        return new BackendConfig(
                base.name(),
                kind,
                ref.location(),
                ref.model() == null ? base.model() : ref.model(),
                base.apiKey(),
                base.schemaStyle(),
                base.server(),
                base.schemaStyleChosen(),
                base.threads(),
                base.contextSize(),
                concurrency,
                base.maxRetries(),
                base.keepAlive(),
                base.endpoints());
    }

    /** The user's backend as its first use found it (told once), or as it is. */
    private BackendConfig detected(BackendConfig saved) {
        if (firstUse == null) {
            return saved;
        }
        return firstUse.detect(saved)
                .map(found -> {
                    found.note().ifPresent(told);
                    return found.backend();
                })
                .orElse(saved);
    }

    /** A backend named by its address only, as the server there was found (told once), or as it is. */
    private BackendConfig named(BackendConfig adHoc) {
        if (firstUse == null) {
            return adHoc;
        }
        return firstUse.detectNamed(adHoc)
                .map(found -> {
                    if (toldAt.add(found.location())) {
                        ServerDetection.noteOn(found, found.location()).ifPresent(told);
                    }
                    return found;
                })
                .orElse(adHoc);
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(BackendClient::close);
        clients.clear();
        byRun.clear();
    }
}
