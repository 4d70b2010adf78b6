package io.siftbench.app.backends;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendProbe;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.ConnectionReport;
import io.siftbench.model.backends.ServerDetection;
import io.siftbench.model.backends.ServerKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The first use of one of the user's OpenAI-compatible backends that was never probed: before its first request,
 * the server is found out as "Test connection" finds it, and the backend is saved with it and the schema style that
 * server honours, so that a llama.cpp server added without a test is not sent a {@code json_schema} it ignores. A
 * backend whose style the user chose, or that a probe already found, is used as it is; so is one whose probe fails:
 * its request then says what is wrong.
 */
public final class FirstUseDetection {

    private final BackendSettingsRepository backends;
    private final BackendProbe probe;
    private final List<Consumer<ServerDetection>> listeners = new CopyOnWriteArrayList<>();
    /** Servers named on a command line, not among the user's backends: found once per process, never saved. */
    private final java.util.Map<String, Optional<ServerKind>> named = new java.util.HashMap<>();

    public FirstUseDetection(BackendSettingsRepository backends, BackendProbe probe) {
        this.backends = backends;
        this.probe = probe;
    }

    /** {@code listener} hears every detection saved, on the thread that made it (to read the backends again). */
    public void onDetected(Consumer<ServerDetection> listener) {
        listeners.add(listener);
    }

    /**
     * Probes {@code config} where it is one of the user's backends never probed, and saves what was found.
     * Blocking; never on the UI thread. One at a time, so that two runs starting at once probe once.
     *
     * @return the backend as detected and saved; empty where nothing was probed, or the probe failed
     */
    public synchronized Optional<ServerDetection> detect(BackendConfig config) {
        if (!config.undetected()) {
            return Optional.empty();
        }
        BackendSettings settings = backends.load();
        // Read again: another run may have probed it meanwhile, or the user changed it in Settings.
        Optional<BackendConfig> stored = settings.find(config.name())
                .filter(b -> b.kind() == config.kind() && b.location().equals(config.location()));
        if (stored.isEmpty() || !stored.get().undetected()) {
            return Optional.empty();
        }
        ConnectionReport report = probe.test(config);
        if (!report.ok() || report.server() == null) {
            return Optional.empty();
        }
        BackendConfig detected = stored.get().withDetected(report.server());
        BackendSettings next = settings.with(config.name(), detected);
        backends.save(next);
        ServerDetection found = new ServerDetection(detected, next);
        listeners.forEach(l -> l.accept(found));
        return Optional.of(found);
    }

    /**
     * Probes {@code config}, a backend a command line named by its address ({@code openai:URL}) that is not among
     * the user's, once in this process: {@code run --backend openai:http://…:8080/v1} on a llama.cpp server gets
     * valid outputs without a backend set up first. Nothing is saved. Blocking; never on the UI thread.
     *
     * @return the backend with the server found and the style it honours; empty where nothing was probed, the probe
     *     failed or the server said nothing about itself
     */
    public synchronized Optional<BackendConfig> detectNamed(BackendConfig config) {
        if (!config.undetected()) {
            return Optional.empty();
        }
        Optional<ServerKind> server = named.computeIfAbsent(config.location(), at -> {
            ConnectionReport report = probe.test(config);
            return report.ok() ? Optional.ofNullable(report.server()) : Optional.empty();
        });
        return server.map(config::withDetected);
    }
}
