package io.siftbench.model.backends;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What the run engine calls to generate: one backend behind a limit of requests in flight, a timeout per
 * attempt, retries with jittered exponential backoff on connection errors, 5xx and timeouts (never on a
 * 4xx), token accounting, and validation of every output against the declared schema. A cancelled or
 * timed-out attempt gives its slot back at once, even where the backend keeps computing.
 *
 * <p>A backend that lists several endpoints is one {@link ChatBackend} per endpoint in an {@link EndpointPool}: a
 * request goes to the least loaded one, and a failure there (of a kind worth retrying) rests that endpoint and sends
 * the request to another at once, without counting against the request while another endpoint is up. Only when every
 * endpoint rests does a failure count as an attempt, and the request then waits for the first endpoint back.
 */
public final class BackendClient implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BackendConfig config;
    private final EndpointPool pool;
    private final RetryPolicy retry;
    private final OutputValidator validator = new OutputValidator();
    // Daemon threads: a request left running must never keep the application from exiting.
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "siftbench-backend-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public BackendClient(ChatBackend backend) {
        this(backend, RetryPolicy.of(backend.config().maxRetries()));
    }

    public BackendClient(ChatBackend backend, RetryPolicy retry) {
        this(backend.config(), List.of(backend), retry);
    }

    /**
     * @param config   the backend as configured (with its endpoints, where it lists several)
     * @param backends one per endpoint, each at its endpoint with its limit ({@link BackendConfig#at})
     */
    public BackendClient(BackendConfig config, List<ChatBackend> backends, RetryPolicy retry) {
        this.config = config;
        this.pool = new EndpointPool(backends);
        this.retry = retry;
    }

    /** The client of {@code config}: one backend from {@code providers}, or one per endpoint where it lists several. */
    public static BackendClient open(BackendConfig config, Function<BackendConfig, ChatBackend> providers) {
        if (!config.spread()) {
            return new BackendClient(providers.apply(config));
        }
        List<ChatBackend> backends = new ArrayList<>();
        try {
            config.endpoints().forEach(e -> backends.add(providers.apply(config.at(e))));
        } catch (RuntimeException e) {
            backends.forEach(ChatBackend::close);
            throw e;
        }
        return new BackendClient(config, backends, RetryPolicy.of(config.maxRetries()));
    }

    public BackendConfig config() {
        return config;
    }

    /** Requests now holding a slot. */
    public int inFlight() {
        return pool.inFlight();
    }

    /** Each endpoint's requests in flight now, its limit and whether it rests. */
    public List<EndpointLoad> endpointLoads() {
        return pool.loads();
    }

    /**
     * Generates on the calling thread without streaming; interrupting the thread cancels the request.
     *
     * @throws GenerationException   when the request failed for good
     * @throws CancellationException when the thread was interrupted
     */
    public Generation generate(GenerationRequest request) {
        return run(request, null, new Ticket());
    }

    /** Generates in the background without streaming. */
    public PendingGeneration submit(GenerationRequest request) {
        return start(request, null);
    }

    /**
     * Generates in the background, handing each piece of text to {@code listener} as it arrives, where the
     * backend streams (and all at once where it does not).
     */
    public PendingGeneration stream(GenerationRequest request, StreamListener listener) {
        return start(request, listener);
    }

    private PendingGeneration start(GenerationRequest request, StreamListener listener) {
        Ticket ticket = new Ticket();
        Future<Generation> future = workers.submit(() -> run(request, listener, ticket));
        return new PendingGeneration(future, ticket::cancel);
    }

    /**
     * One request's hold on a slot and on its running call. A cancel gives both back from the cancelling
     * thread itself, so the next request can start before the cancelled one has even noticed.
     */
    private final class Ticket {
        private final AtomicBoolean holding = new AtomicBoolean();
        private volatile EndpointPool.Lane lane;
        private volatile Runnable stopCall = () -> {};

        EndpointPool.Lane acquire() {
            lane = pool.acquire();
            holding.set(true);
            return lane;
        }

        void release() {
            if (holding.compareAndSet(true, false)) {
                pool.release(lane);
            }
        }

        void cancel() {
            release();
            stopCall.run();
        }
    }

    private Generation run(GenerationRequest request, StreamListener listener, Ticket ticket) {
        ChatRequest chat = pool.first().toChatRequest(request);
        Duration timeout = request.parameters().timeout();
        // Failures sent on to another endpoint at once: bounded, so that endpoints failing in turn end the request.
        int failovers = 0;
        for (int attempt = 1; ; attempt++) {
            Throwable failure;
            EndpointPool.Lane lane = ticket.acquire();
            long start = System.nanoTime();
            try {
                ChatResponse response = attempt(lane.backend, chat, timeout, listener, ticket);
                pool.answered(lane);
                return toGeneration(
                        response, request, Duration.ofNanos(System.nanoTime() - start), attempt, lane.location);
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (TimeoutException e) {
                failure = new TimeoutException("no answer within " + timeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Generation cancelled");
            } finally {
                ticket.release();
            }
            FailureKind kind = FailureKind.of(failure);
            if (!kind.retryable()) {
                throw failed(kind, detail(failure), attempt, failure, lane);
            }
            Duration asked = ServerRefusal.retryAfterIn(failure).orElse(null);
            if (pool.rest(lane, retry, asked) && failovers++ < pool.size() * (retry.maxRetries() + 1)) {
                attempt--;
                continue;
            }
            if (attempt > retry.maxRetries()) {
                throw failed(kind, detail(failure), attempt, failure, lane);
            }
            if (listener != null) {
                listener.retrying(attempt + 1, kind);
            }
            if (pool.size() > 1) {
                // Every endpoint rests: the next acquire waits for the first of them back.
                continue;
            }
            Duration wait = asked != null ? asked : retry.delay(attempt, ThreadLocalRandom.current());
            if (wait.compareTo(timeout) > 0) {
                // A wait longer than the timeout the user allows a request would hold the slot for nothing.
                throw failed(
                        kind,
                        "the server asked to wait " + seconds(wait) + " s, longer than the request timeout of "
                                + seconds(timeout) + " s",
                        attempt,
                        failure,
                        lane);
            }
            pause(wait);
        }
    }

    private GenerationException failed(
            FailureKind kind, String detail, int attempts, Throwable failure, EndpointPool.Lane lane) {
        return new GenerationException(
                kind, attempts, describe(kind, detail, attempts, lane.location), failure, lane.location);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Generation cancelled while waiting to retry");
        }
    }

    /** One attempt, bounded by the timeout; whatever is left of it is cancelled on the way out. */
    private ChatResponse attempt(
            ChatBackend backend, ChatRequest chat, Duration timeout, StreamListener listener, Ticket ticket)
            throws InterruptedException, ExecutionException, TimeoutException {
        StreamingChatModel streaming =
                listener == null ? null : backend.streamingModel().orElse(null);
        Call call =
                streaming == null ? callBlocking(backend, chat, listener) : callStreaming(streaming, chat, listener);
        ticket.stopCall = call.cancel();
        try {
            return call.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            call.cancel().run();
        }
    }

    private record Call(Future<ChatResponse> result, Runnable cancel) {}

    /** A call to the blocking model; a listener, where there is one, gets the whole text at once. */
    private Call callBlocking(ChatBackend backend, ChatRequest chat, StreamListener listener) {
        Future<ChatResponse> result = workers.submit(() -> {
            ChatResponse response = backend.chatModel().chat(chat);
            if (listener != null) {
                listener.token(text(response));
            }
            return response;
        });
        return new Call(result, () -> result.cancel(true));
    }

    private Call callStreaming(StreamingChatModel model, ChatRequest chat, StreamListener listener) {
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        try {
            model.chat(chat, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.set(context.streamingHandle());
                    // Text after a cancel or a timeout belongs to nobody.
                    if (result.isDone()) {
                        context.streamingHandle().cancel();
                    } else {
                        listener.token(partial.text());
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    result.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    result.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return new Call(result, () -> {
            result.cancel(true);
            StreamingHandle h = handle.get();
            if (h != null) {
                h.cancel();
            }
        });
    }

    private Generation toGeneration(
            ChatResponse response, GenerationRequest request, Duration latency, int attempts, String endpoint) {
        String text = text(response);
        TokenUsage usage = response.tokenUsage();
        String model =
                response.modelName() == null || response.modelName().isBlank() ? config.model() : response.modelName();
        String finish = response.finishReason() == null
                ? "UNKNOWN"
                : response.finishReason().name();
        return new Generation(
                text,
                count(usage == null ? null : usage.inputTokenCount()),
                count(usage == null ? null : usage.outputTokenCount()),
                latency,
                model,
                finish,
                validator.validate(text, request.schema()),
                attempts,
                endpoint);
    }

    private static String text(ChatResponse response) {
        return response.aiMessage() == null || response.aiMessage().text() == null
                ? ""
                : response.aiMessage().text();
    }

    private static int count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }

    /** The message {@link FailureKind#ofMessage} reads the kind back from. */
    private String describe(FailureKind kind, String detail, int attempts, String location) {
        return config.name() + " (" + location + "): " + kind.reason() + " after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + detail;
    }

    private static String detail(Throwable failure) {
        String detail = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return detail.lines().findFirst().orElse(detail);
    }

    /** Whole seconds, rounded up: a wait of 1.2 s is not "1 s". */
    private static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }

    /**
     * Frees the backend's in-process model, if it has one, once no generation is inside it; the client stays
     * usable and loads the model again on its next request.
     */
    public void unload() {
        pool.backends().forEach(ChatBackend::unload);
    }

    /** Stops the workers and frees the backend (unloads an in-process model). */
    @Override
    public void close() {
        workers.shutdownNow();
        pool.backends().forEach(ChatBackend::close);
    }
}
