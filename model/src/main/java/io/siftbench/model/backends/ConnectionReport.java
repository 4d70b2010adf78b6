package io.siftbench.model.backends;

import java.time.Duration;
import java.util.List;

/**
 * What "Test connection" found: the models the backend offers, how long listing them took and which server
 * answered, or the reason it failed, put so that the user knows what to fix.
 *
 * @param server the server that answered; null for a GGUF file and for a failed test
 */
public record ConnectionReport(boolean ok, List<String> models, Duration latency, ServerKind server, String problem) {

    public ConnectionReport {
        models = List.copyOf(models);
    }

    /** A GGUF file, or anything else that is not a server. */
    public static ConnectionReport models(List<String> models, Duration latency) {
        return new ConnectionReport(true, models, latency, null, null);
    }

    public static ConnectionReport models(List<String> models, Duration latency, ServerKind server) {
        return new ConnectionReport(true, models, latency, server, null);
    }

    public static ConnectionReport failed(String problem) {
        return new ConnectionReport(false, List.of(), Duration.ZERO, null, problem);
    }
}
