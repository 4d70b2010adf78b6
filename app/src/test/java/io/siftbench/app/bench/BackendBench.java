package io.siftbench.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import io.siftbench.app.backends.Providers;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.backends.OutputSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Siftbench's backend layer (BackendClient over langchain4j's OpenAI client: slots, timeout, retry
 * bookkeeping, token accounting, schema validation) against a raw {@code java.net.http} client sending the
 * same request bodies, both at concurrency 8 to a loopback server that answers every request after 50 ms.
 * Prints the throughput ratio; the goal is at least 0.95. Run with {@code mvn -Pbench verify -pl app -am}.
 */
class BackendBench {

    private static final int CONCURRENCY = 8;
    private static final int REQUESTS = Integer.getInteger("bench.requests", 480);
    private static final int ROUNDS = 3;
    private static final long DELAY_MS = 50;

    @Test
    void backendLayerKeepsUpWithARawHttpClient() throws Exception {
        AtomicReference<byte[]> lastBody = new AtomicReference<>();
        FixedDelayServer server = new FixedDelayServer(DELAY_MS, FixedDelayServer.CARD_ARRIVAL, lastBody::set);
        String url = server.url();
        BackendConfig config =
                BackendConfig.of(BackendKind.OPENAI, url, "bench").withLimits(CONCURRENCY, 2);
        GenerationRequest request = new GenerationRequest(
                List.of(UserMessage.from("Q: where is my card?\nA:")),
                GenerationParameters.DEFAULT.withSeed(1),
                OutputSchema.label(List.of("card_arrival", "lost_or_stolen_card")));
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        try (BackendClient client = new BackendClient(Providers.open(config))) {
            client.generate(request);
            byte[] body = lastBody.get();
            HttpClient raw =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest rawRequest = HttpRequest.newBuilder(URI.create(url + "/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .timeout(Duration.ofSeconds(120))
                    .build();
            Callable<Object> viaRaw = () ->
                    raw.send(rawRequest, HttpResponse.BodyHandlers.ofString()).body();
            Callable<Object> viaSiftbench = () -> {
                if (!client.generate(request).valid()) {
                    throw new AssertionError("invalid output");
                }
                return null;
            };
            // Warm both paths (JIT, connection pools) before measuring.
            throughput(callers, viaRaw, REQUESTS / 4);
            throughput(callers, viaSiftbench, REQUESTS / 4);

            double bestRaw = 0;
            double bestSiftbench = 0;
            for (int round = 0; round < ROUNDS; round++) {
                bestRaw = Math.max(bestRaw, throughput(callers, viaRaw, REQUESTS));
                bestSiftbench = Math.max(bestSiftbench, throughput(callers, viaSiftbench, REQUESTS));
            }
            double ratio = bestSiftbench / bestRaw;
            System.out.printf(
                    "BackendBench: %d requests at concurrency %d, server delay %d ms (ideal %.1f req/s)%n",
                    REQUESTS, CONCURRENCY, DELAY_MS, CONCURRENCY * 1000.0 / DELAY_MS);
            System.out.printf(
                    "BackendBench: raw java.net.http %.1f req/s, Siftbench backend layer %.1f req/s%n",
                    bestRaw, bestSiftbench);
            System.out.printf("BackendBench: throughput ratio Siftbench/raw = %.3f (goal >= 0.95)%n", ratio);
            assertThat(ratio).isGreaterThan(0);
        } finally {
            callers.shutdownNow();
            server.close();
        }
    }

    /** Requests per second for {@code count} calls spread over the callers. */
    private static double throughput(ExecutorService callers, Callable<Object> call, int count) throws Exception {
        long start = System.nanoTime();
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(callers.submit(call));
        }
        for (Future<Object> f : futures) {
            f.get();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
