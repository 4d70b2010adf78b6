package io.siftbench.model.backends;

import java.time.Duration;
import java.util.List;

/**
 * What "Test connection" found: the models the backend offers and how long listing them took, or the
 * reason it failed, put so that the user knows what to fix.
 */
public record ConnectionReport(boolean ok, List<String> models, Duration latency, String problem) {

    public ConnectionReport {
        models = List.copyOf(models);
    }

    public static ConnectionReport models(List<String> models, Duration latency) {
        return new ConnectionReport(true, models, latency, null);
    }

    public static ConnectionReport failed(String problem) {
        return new ConnectionReport(false, List.of(), Duration.ZERO, problem);
    }
}
