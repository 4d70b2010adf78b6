package io.siftbench.app.backends;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.backends.ServerRefusal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A run's backend as a batch file sees it: the live OpenAI-compatible backend (langchain4j's model, the run's
 * schema style) over an HTTP client that goes nowhere. So a batch-input line's body is exactly what a live run
 * sends ({@link #body}), and a batch-output line's answer is read by the same langchain4j parsing, then by
 * {@code BackendClient}'s validation, as a live answer ({@link #answer}). Whatever the run's backend kind, a
 * batch file is in the OpenAI form, the only one batch runners read.
 */
public final class BatchBackend implements ChatBackend {

    /** The answer given while nothing is queued: {@link #body} only wants the request. */
    private static final String EMPTY_COMPLETION =
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"stop\"}]}";

    /** An answer as the server gave it: its HTTP status and body. */
    public record Reply(int status, String body) {}

    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private volatile String sent;
    private final OpenAiBackend live;

    public BatchBackend(BackendConfig config) {
        this.live = new OpenAiBackend(config, new Exchange());
    }

    /** The JSON body the live backend sends for {@code request}. */
    public synchronized String body(GenerationRequest request) {
        live.chatModel().chat(live.toChatRequest(request));
        return sent;
    }

    /**
     * The answers to the next requests, in order (a slot's votes), in place of any left: a batch-output line's
     * status and body each. A status other than 2xx is a refusal, as the live HTTP client reports one.
     */
    public void replies(List<Reply> next) {
        replies.clear();
        replies.addAll(next);
    }

    @Override
    public BackendConfig config() {
        return live.config();
    }

    @Override
    public ChatRequest toChatRequest(GenerationRequest request) {
        return live.toChatRequest(request);
    }

    @Override
    public ChatModel chatModel() {
        return live.chatModel();
    }

    /** None: the answers are whole lines of a file. */
    @Override
    public Optional<StreamingChatModel> streamingModel() {
        return Optional.empty();
    }

    /** langchain4j's HTTP client for the model: keeps the body sent, gives the queued reply. */
    private final class Exchange implements HttpClientBuilder, HttpClient {

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            sent = request.body();
            Reply reply = replies.poll();
            if (reply == null) {
                reply = new Reply(200, EMPTY_COMPLETION);
            }
            if (reply.status() < 200 || reply.status() >= 300) {
                throw new ServerRefusal(reply.status(), reply.body(), null);
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(reply.status())
                    .headers(Map.of())
                    .body(reply.body())
                    .build();
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            throw new UnsupportedOperationException("A batch file's answers do not stream");
        }

        @Override
        public Duration connectTimeout() {
            return Providers.HTTP_TIMEOUT;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return Providers.HTTP_TIMEOUT;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            return this;
        }

        @Override
        public HttpClient build() {
            return this;
        }
    }
}
