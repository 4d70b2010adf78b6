package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The benchmarks' baseline: the very request bodies a run sent, sent again by a raw {@code java.net.http} client,
 * as many at a time as the caller's threads.
 */
final class RawReplay {

    private RawReplay() {}

    /** Requests per second for sending {@code bodies}, each answer checked to contain {@code answered}. */
    static double requestsPerSecond(
            HttpClient raw, ExecutorService callers, String url, List<byte[]> bodies, String answered)
            throws Exception {
        long start = System.nanoTime();
        List<Future<String>> futures = new ArrayList<>();
        for (byte[] body : bodies) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .timeout(Duration.ofSeconds(120))
                    .build();
            futures.add(callers.submit(() ->
                    raw.send(request, HttpResponse.BodyHandlers.ofString()).body()));
        }
        for (Future<String> f : futures) {
            assertThat(f.get()).contains(answered);
        }
        return bodies.size() / ((System.nanoTime() - start) / 1e9);
    }
}
