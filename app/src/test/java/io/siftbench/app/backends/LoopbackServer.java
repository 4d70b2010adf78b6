package io.siftbench.app.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that speaks Ollama's or the OpenAI wire protocol: model listing, chat,
 * and streaming (NDJSON for Ollama, server-sent events for OpenAI). Tests script its answers one request at a
 * time (500s, slow answers, dropped connections, 401s, off-schema outputs) and read what it saw: how many
 * requests, how many at once, the request bodies and headers.
 */
public final class LoopbackServer implements AutoCloseable {

    public enum Protocol {
        OLLAMA,
        OPENAI
    }

    /** One scripted answer to a chat request. */
    @FunctionalInterface
    public interface Reply {
        void send(LoopbackServer server, HttpExchange exchange, JsonNode request) throws Exception;
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final Protocol protocol;
    private final HttpServer http;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private volatile Reply fallback = answer("{\"label\": \"card_arrival\"}");
    private final AtomicInteger chats = new AtomicInteger();
    /** The chats counted in flight (an exchange's attributes are its context's, shared by all, so not there). */
    private final Set<HttpExchange> counting = ConcurrentHashMap.newKeySet();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** When each chat request arrived, as this server's clock saw it. */
    private final List<Long> chatArrivalNanos = new CopyOnWriteArrayList<>();

    private volatile List<String> models = List.of("llama3.2:1b", "qwen2.5:7b");
    private volatile String requiredKey;
    private volatile String owner = "local";

    public LoopbackServer(Protocol protocol) throws IOException {
        this.protocol = protocol;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(pool);
        http.createContext(protocol == Protocol.OLLAMA ? "/api/tags" : "/v1/models", this::models);
        http.createContext(protocol == Protocol.OLLAMA ? "/api/chat" : "/v1/chat/completions", this::chat);
        http.start();
    }

    /** The base URL a backend is configured with. */
    public String url() {
        String root = "http://127.0.0.1:" + http.getAddress().getPort();
        return protocol == Protocol.OLLAMA ? root : root + "/v1";
    }

    public LoopbackServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public LoopbackServer always(Reply reply) {
        fallback = reply;
        return this;
    }

    public LoopbackServer requireKey(String key) {
        requiredKey = key;
        return this;
    }

    public LoopbackServer offering(List<String> names) {
        models = List.copyOf(names);
        return this;
    }

    /** The {@code owned_by} of every model in {@code /v1/models}, by which some servers name themselves. */
    public LoopbackServer ownedBy(String name) {
        owner = name;
        return this;
    }

    /** {@code GET path} (from the server's root, not {@code /v1}) answers 200 with {@code json}. */
    public LoopbackServer serving(String path, String json) {
        http.createContext(path, ex -> {
            try {
                json(ex, 200, json);
            } finally {
                ex.close();
            }
        });
        return this;
    }

    /** Requests to {@code path} (from the server's root) go to {@code handler}: another API beside the chat. */
    public LoopbackServer handling(String path, HttpHandler handler) {
        http.createContext(path, handler);
        return this;
    }

    public int chatRequests() {
        return chats.get();
    }

    public int maxConcurrentChats() {
        return maxInFlight.get();
    }

    public List<JsonNode> bodies() {
        return bodies;
    }

    /** The Authorization header of each request, "null" where a request came without one. */
    public List<String> authorizations() {
        return authorizations;
    }

    /** The time between the arrivals of chat request {@code earlier} and chat request {@code later} (from 0). */
    public Duration betweenChats(int earlier, int later) {
        return Duration.ofNanos(chatArrivalNanos.get(later) - chatArrivalNanos.get(earlier));
    }

    private void models(HttpExchange ex) throws IOException {
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        if (unauthorized(ex)) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        if (protocol == Protocol.OLLAMA) {
            var list = body.putArray("models");
            models.forEach(m -> list.addObject()
                    .put("name", m)
                    .put("model", m)
                    .put("modified_at", "2025-05-01T10:00:00Z")
                    .put("size", 1_000_000)
                    .put("digest", "d"));
        } else {
            body.put("object", "list");
            var list = body.putArray("data");
            models.forEach(m -> list.addObject()
                    .put("id", m)
                    .put("object", "model")
                    .put("created", 1)
                    .put("owned_by", owner));
        }
        json(ex, 200, body.toString());
    }

    private boolean unauthorized(HttpExchange ex) throws IOException {
        if (requiredKey != null
                && !("Bearer " + requiredKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            json(ex, 401, "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"invalid_request_error\"}}");
            return true;
        }
        return false;
    }

    private void chat(HttpExchange ex) throws IOException {
        chatArrivalNanos.add(System.nanoTime());
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        chats.incrementAndGet();
        counting.add(ex);
        try {
            JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
            bodies.add(request);
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            if (unauthorized(ex)) {
                return;
            }
            Reply reply = script.poll();
            (reply == null ? fallback : reply).send(this, ex, request);
        } catch (IOException e) {
            // The client went away (a cancel or a timeout): nothing to answer.
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            lastBytes(ex);
            ex.close();
        }
    }

    /** The text of a chat request's last message, the question a scripted answer usually depends on. */
    public static String lastUserMessage(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1).path("content").asText();
    }

    // ---- scripted replies ----

    /** The model answers {@code text}, streamed word by word where the request asked to stream. */
    public static Reply answer(String text) {
        return (server, ex, request) -> server.reply(ex, request, text, Duration.ZERO);
    }

    /** The model answers what {@code text} makes of the request (for answers that depend on the question). */
    public static Reply answering(Function<JsonNode, String> text) {
        return (server, ex, request) -> server.reply(ex, request, text.apply(request), Duration.ZERO);
    }

    /**
     * The model answers as on a llama.cpp server, which ignores {@code json_schema}: {@code enforced} where the
     * request sent its schema as {@code json_object + schema}, {@code free} (what the model writes unconstrained)
     * otherwise.
     */
    public static Reply likeLlamaCpp(String enforced, String free) {
        return answering(request -> {
            JsonNode format = request.path("response_format");
            return format.path("type").asText().equals("json_object")
                            && format.path("schema").isObject()
                    ? enforced
                    : free;
        });
    }

    /** Like {@link #answer}, but waits {@code pause} before each streamed piece (or before the whole answer). */
    public static Reply answerSlowly(String text, Duration pause) {
        return (server, ex, request) -> server.reply(ex, request, text, pause);
    }

    /** Waits, then answers. */
    public static Reply after(Duration delay, Reply then) {
        return (server, ex, request) -> {
            Thread.sleep(delay.toMillis());
            then.send(server, ex, request);
        };
    }

    public static Reply status(int code) {
        return (server, ex, request) -> server.json(ex, code, "{\"error\":{\"message\":\"scripted " + code + "\"}}");
    }

    /** An error status with a {@code Retry-After} header holding {@code retryAfter} as it is sent. */
    public static Reply status(int code, String retryAfter) {
        return (server, ex, request) -> {
            ex.getResponseHeaders().set("Retry-After", retryAfter);
            status(code).send(server, ex, request);
        };
    }

    /** Closes the connection without a byte of answer. */
    public static Reply drop() {
        return (server, ex, request) -> {
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write('{');
            ex.getResponseBody().flush();
            // Content-Length promised 1000 bytes: closing now breaks the connection mid-answer.
            throw new IOException("dropped on purpose");
        };
    }

    private void reply(HttpExchange ex, JsonNode request, String text, Duration pause) throws Exception {
        String model = request.path("model").asText("unknown");
        List<String> pieces = List.of(text.split("(?<= )"));
        int promptTokens = 3 + request.path("messages").toString().length() / 10;
        if (!request.path("stream").asBoolean(false)) {
            Thread.sleep(pause.toMillis());
            json(ex, 200, whole(model, text, promptTokens, pieces.size()));
            return;
        }
        ex.getResponseHeaders()
                .set("Content-Type", protocol == Protocol.OLLAMA ? "application/x-ndjson" : "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (String piece : pieces) {
            Thread.sleep(pause.toMillis());
            event(out, chunk(model, piece));
        }
        lastBytes(ex);
        event(out, last(model, promptTokens, pieces.size()));
        if (protocol == Protocol.OPENAI) {
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private void event(OutputStream out, String json) throws IOException {
        String framed = protocol == Protocol.OLLAMA ? json + "\n" : "data: " + json + "\n\n";
        out.write(framed.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String whole(String model, String text, int promptTokens, int completionTokens) {
        if (protocol == Protocol.OLLAMA) {
            return obj(Map.of(
                    "model",
                    model,
                    "created_at",
                    "2025-05-01T10:00:00Z",
                    "message",
                    Map.of("role", "assistant", "content", text),
                    "done",
                    true,
                    "done_reason",
                    "stop",
                    "prompt_eval_count",
                    promptTokens,
                    "eval_count",
                    completionTokens));
        }
        return obj(Map.of(
                "id",
                "c1",
                "object",
                "chat.completion",
                "created",
                1,
                "model",
                model,
                "choices",
                List.of(Map.of(
                        "index", 0, "message", Map.of("role", "assistant", "content", text), "finish_reason", "stop")),
                "usage",
                Map.of(
                        "prompt_tokens",
                        promptTokens,
                        "completion_tokens",
                        completionTokens,
                        "total_tokens",
                        promptTokens + completionTokens)));
    }

    private String chunk(String model, String piece) {
        if (protocol == Protocol.OLLAMA) {
            return obj(Map.of(
                    "model",
                    model,
                    "created_at",
                    "2025-05-01T10:00:00Z",
                    "message",
                    Map.of("role", "assistant", "content", piece),
                    "done",
                    false));
        }
        return obj(Map.of(
                "id",
                "c1",
                "object",
                "chat.completion.chunk",
                "created",
                1,
                "model",
                model,
                "choices",
                List.of(Map.of("index", 0, "delta", Map.of("content", piece)))));
    }

    private String last(String model, int promptTokens, int completionTokens) {
        if (protocol == Protocol.OLLAMA) {
            return obj(Map.of(
                    "model",
                    model,
                    "created_at",
                    "2025-05-01T10:00:00Z",
                    "message",
                    Map.of("role", "assistant", "content", ""),
                    "done",
                    true,
                    "done_reason",
                    "stop",
                    "prompt_eval_count",
                    promptTokens,
                    "eval_count",
                    completionTokens));
        }
        return obj(Map.of(
                "id",
                "c1",
                "object",
                "chat.completion.chunk",
                "created",
                1,
                "model",
                model,
                "choices",
                List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", "stop")),
                "usage",
                Map.of(
                        "prompt_tokens",
                        promptTokens,
                        "completion_tokens",
                        completionTokens,
                        "total_tokens",
                        promptTokens + completionTokens)));
    }

    private static String obj(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void json(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        lastBytes(ex);
        ex.getResponseBody().write(bytes);
    }

    /**
     * The request stops counting as in flight just before its last bytes go out: once the client has them it
     * may send its next request at once, possibly before this handler's thread has returned, and a count
     * dropped only then would see one request too many in flight.
     */
    private void lastBytes(HttpExchange ex) {
        if (counting.remove(ex)) {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }
}
