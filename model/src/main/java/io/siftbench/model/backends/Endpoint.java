package io.siftbench.model.backends;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One server of a backend that lists several (replicas of the same model: llama.cpp servers, Ollama hosts,
 * vLLM replicas behind no balancer), with the most requests it may have in flight at once.
 *
 * @param location the server's base URL, as a single-location backend's
 * @param maxInFlight most requests in flight at this server at once
 */
public record Endpoint(String location, int maxInFlight) {

    public Endpoint {
        location = location == null ? "" : location.strip();
        if (!isUrl(location)) {
            throw new IllegalArgumentException(
                    "Endpoint '" + location + "' is not a server URL such as http://127.0.0.1:8080/v1");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException(
                    "Endpoint " + location + ": requests in flight must be at least 1, got " + maxInFlight);
        }
    }

    /**
     * An endpoint written as {@code URL[=LIMIT]} (the command line's {@code --endpoint}); without a limit it
     * gets {@code defaultLimit}.
     */
    public static Endpoint parse(String spec, int defaultLimit) {
        String text = spec == null ? "" : spec.strip();
        int eq = text.lastIndexOf('=');
        // A URL may hold '=' in its query; a limit is what follows the last one only when it is a number.
        if (eq > 0 && text.substring(eq + 1).strip().matches("-?\\d+")) {
            String limit = text.substring(eq + 1).strip();
            try {
                return new Endpoint(text.substring(0, eq), Integer.parseInt(limit));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Endpoint " + text.substring(0, eq) + ": '" + limit + "' is not a number of requests", e);
            }
        }
        return new Endpoint(text, defaultLimit);
    }

    /** Refuses a list that names one server twice, naming it. */
    public static List<Endpoint> distinct(List<Endpoint> endpoints) {
        Set<String> seen = new HashSet<>();
        for (Endpoint e : endpoints) {
            if (!seen.add(normalised(e.location))) {
                throw new IllegalArgumentException("Endpoint " + e.location + " is listed twice");
            }
        }
        return List.copyOf(endpoints);
    }

    /** {@code URL=LIMIT}, as {@link #parse} reads it back. */
    @Override
    public String toString() {
        return location + "=" + maxInFlight;
    }

    private static String normalised(String location) {
        String l = location.toLowerCase(java.util.Locale.ROOT);
        return l.endsWith("/") ? l.substring(0, l.length() - 1) : l;
    }

    private static boolean isUrl(String location) {
        try {
            URI uri = new URI(location);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
