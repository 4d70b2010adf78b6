package io.siftbench.app.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The benchmarks' OpenAI-protocol server on 127.0.0.1: every chat request is answered with the same body
 * after the same fixed delay, so that what a benchmark measures beyond the delay is the client's own cost. With a
 * capacity it serves at most that many requests at once and queues the rest, as a model server of fixed batch size
 * does: its throughput is then capacity / delay however many requests it is sent.
 */
final class FixedDelayServer implements AutoCloseable {

    /** A whole chat completion whose content is {@code {"label": "card_arrival"}}, with token usage. */
    static final String CARD_ARRIVAL = completion("{\"label\": \"card_arrival\"}", 6);

    /** A whole chat completion whose content is a synthesized {@code {"text": …}}, with token usage. */
    static final String A_TEXT = completion("{\"text\": \"My card has not arrived yet: where is it?\"}", 10);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** @param requestBody told of each request body, on the server's threads */
    FixedDelayServer(long delayMillis, String answer, Consumer<byte[]> requestBody) throws IOException {
        this(delayMillis, Integer.MAX_VALUE, answer, requestBody);
    }

    /** @param capacity most requests served at once; the others wait their turn */
    FixedDelayServer(long delayMillis, int capacity, String answer, Consumer<byte[]> requestBody) throws IOException {
        Semaphore serving = new Semaphore(capacity, true);
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK
        // and add ~40 ms to every answer, which would hide the client's own cost behind the network's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(threads);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        server.createContext("/v1/chat/completions", ex -> {
            requestBody.accept(ex.getRequestBody().readAllBytes());
            try {
                serving.acquire();
                try {
                    Thread.sleep(delayMillis);
                } finally {
                    serving.release();
                }
            } catch (InterruptedException e) {
                // Stopped: the exchange closes unanswered, as a killed server's would.
                Thread.currentThread().interrupt();
                ex.close();
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    /** The base URL an OpenAI-compatible backend is configured with. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** A chat completion answering {@code content}, as an OpenAI-compatible server writes one. */
    private static String completion(String content, int completionTokens) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(java.util.Map.of(
                            "id",
                            "c1",
                            "object",
                            "chat.completion",
                            "created",
                            1,
                            "model",
                            "bench",
                            "choices",
                            java.util.List.of(java.util.Map.of(
                                    "index",
                                    0,
                                    "message",
                                    java.util.Map.of("role", "assistant", "content", content),
                                    "finish_reason",
                                    "stop")),
                            "usage",
                            java.util.Map.of(
                                    "prompt_tokens",
                                    20,
                                    "completion_tokens",
                                    completionTokens,
                                    "total_tokens",
                                    20 + completionTokens)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
