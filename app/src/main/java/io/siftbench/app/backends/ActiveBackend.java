package io.siftbench.app.backends;

import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The backend the application generates with: the user's default. A client is built on first use, and the
 * previous one is closed as soon as the choice changes, which unloads an in-process GGUF model.
 */
public final class ActiveBackend implements AutoCloseable {

    private final Function<BackendConfig, ChatBackend> providers;
    private BackendConfig config;
    private BackendClient client;

    public ActiveBackend() {
        this(Providers::open);
    }

    ActiveBackend(Function<BackendConfig, ChatBackend> providers) {
        this.providers = providers;
    }

    /** Makes {@code chosen} the active backend; a change closes the previous client. */
    public synchronized void select(Optional<BackendConfig> chosen) {
        BackendConfig next = chosen.orElse(null);
        if (!Objects.equals(next, config)) {
            BackendClient previous = client;
            client = null;
            config = next;
            if (previous != null) {
                // Unloading a model frees native memory: never on the UI thread, which calls this.
                Thread unload = new Thread(previous::close, "siftbench-unload");
                unload.setDaemon(true);
                unload.start();
            }
        }
    }

    /** The client for the active backend, or empty where none is configured. */
    public synchronized Optional<BackendClient> client() {
        if (config == null) {
            return Optional.empty();
        }
        if (client == null) {
            client = new BackendClient(providers.apply(config));
        }
        return Optional.of(client);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
