package io.siftbench.app.backends;

import static io.siftbench.app.backends.LoopbackServer.after;
import static io.siftbench.app.backends.LoopbackServer.answer;
import static io.siftbench.app.backends.LoopbackServer.answerSlowly;
import static io.siftbench.app.backends.LoopbackServer.drop;
import static io.siftbench.app.backends.LoopbackServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.siftbench.app.backends.LoopbackServer.Protocol;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.FailureKind;
import io.siftbench.model.backends.Generation;
import io.siftbench.model.backends.GenerationException;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.backends.OutputSchema;
import io.siftbench.model.backends.PendingGeneration;
import io.siftbench.model.backends.RetryPolicy;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.StreamListener;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Ollama and OpenAI-compatible backends, through the real langchain4j clients, against a real HTTP
 * server on loopback that speaks each wire protocol and misbehaves on cue.
 */
class HttpBackendsTest {

    private static final OutputSchema LABELS = OutputSchema.label(List.of("card_arrival", "lost_or_stolen_card"));
    private static final GenerationParameters PARAMS =
            new GenerationParameters(0.2, 0.9, 64, 42, List.of("\n\n"), Duration.ofSeconds(5));
    /** Short backoff so that tests with retries stay fast; the production policy is exercised by its own test. */
    private static final Duration BACKOFF = Duration.ofMillis(20);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private LoopbackServer server(Protocol protocol) throws Exception {
        LoopbackServer server = new LoopbackServer(protocol);
        open.add(server);
        return server;
    }

    private BackendClient client(LoopbackServer server, Protocol protocol, int maxInFlight, int retries) {
        return client(config(server, protocol).withLimits(maxInFlight, retries));
    }

    private BackendClient client(BackendConfig config) {
        BackendClient client = new BackendClient(
                Providers.open(config), new RetryPolicy(config.maxRetries(), BACKOFF, BACKOFF.multipliedBy(4)));
        open.add(client);
        return client;
    }

    private static BackendConfig config(LoopbackServer server, Protocol protocol) {
        BackendKind kind = protocol == Protocol.OLLAMA ? BackendKind.OLLAMA : BackendKind.OPENAI;
        return BackendConfig.of(kind, server.url(), "qwen2.5:7b");
    }

    private static GenerationRequest labelRequest(GenerationParameters parameters) {
        return new GenerationRequest(
                List.of(
                        SystemMessage.from("You label banking questions."),
                        UserMessage.from("Q: my card has not arrived yet\nA:")),
                parameters,
                LABELS);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void generatesAndAccountsForTokensModelAndFinishReason(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).then(answer("{\"label\": \"card_arrival\"}"));

        Generation g = client(server, protocol, 2, 0).generate(labelRequest(PARAMS));

        assertThat(g.text()).isEqualTo("{\"label\": \"card_arrival\"}");
        assertThat(g.valid()).isTrue();
        assertThat(g.validation().value().get("label").asText()).isEqualTo("card_arrival");
        int expectedPrompt =
                3 + server.bodies().get(0).path("messages").toString().length() / 10;
        assertThat(g.promptTokens()).isEqualTo(expectedPrompt);
        assertThat(g.completionTokens()).isEqualTo(2);
        assertThat(g.model()).isEqualTo("qwen2.5:7b");
        assertThat(g.finishReason()).isEqualTo("STOP");
        assertThat(g.latency()).isPositive();
        assertThat(g.attempts()).isEqualTo(1);
    }

    @Test
    void ollamaGetsTheSchemaAsFormatAndKeepAliveWithEveryRequest() throws Exception {
        LoopbackServer server = server(Protocol.OLLAMA);

        client(server, Protocol.OLLAMA, 1, 0).generate(labelRequest(PARAMS));

        JsonNode body = server.bodies().get(0);
        assertThat(body.path("format")).isEqualTo(LABELS.schema());
        assertThat(body.path("keep_alive").asInt()).isEqualTo(BackendConfig.DEFAULT_KEEP_ALIVE);
        JsonNode options = body.path("options");
        assertThat(options.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(options.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(options.path("num_predict").asInt()).isEqualTo(64);
        assertThat(options.path("seed").asInt()).isEqualTo(42);
        assertThat(options.path("stop").get(0).asText()).isEqualTo("\n\n");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    }

    @Test
    void openAiGetsTheSchemaAsResponseFormatJsonSchema() throws Exception {
        LoopbackServer server = server(Protocol.OPENAI);

        client(server, Protocol.OPENAI, 1, 0).generate(labelRequest(PARAMS));

        JsonNode body = server.bodies().get(0);
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.path("response_format").path("json_schema").path("schema"))
                .isEqualTo(LABELS.schema());
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("seed").asInt()).isEqualTo(42);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("\n\n");
    }

    @Test
    void llamaCppStyleGetsAJsonObjectWithTheSchema() throws Exception {
        LoopbackServer server = server(Protocol.OPENAI);

        client(config(server, Protocol.OPENAI).withSchemaStyle(SchemaStyle.JSON_OBJECT))
                .generate(labelRequest(PARAMS));

        JsonNode format = server.bodies().get(0).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_object");
        assertThat(format.path("schema")).isEqualTo(LABELS.schema());
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void streamsPiecesInOrderAsTheyArrive(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).then(answerSlowly("Once upon a time", Duration.ofMillis(30)));
        List<String> pieces = new CopyOnWriteArrayList<>();

        Generation g = client(server, protocol, 1, 0).stream(GenerationRequest.of("Tell a story", PARAMS), pieces::add)
                .await();

        assertThat(pieces).containsExactly("Once ", "upon ", "a ", "time");
        assertThat(g.text()).isEqualTo("Once upon a time");
        assertThat(g.completionTokens()).isEqualTo(4);
        assertThat(g.finishReason()).isEqualTo("STOP");
        assertThat(server.bodies().get(0).path("stream").asBoolean()).isTrue();
    }

    @Test
    void aBackendWithoutStreamingHandsTheWholeTextAtOnce() throws Exception {
        LoopbackServer server = server(Protocol.OLLAMA).then(answer("Once upon a time"));
        ChatBackend ollama = Providers.open(config(server, Protocol.OLLAMA));
        ChatBackend blockingOnly = new DelegatingBackend(ollama) {
            @Override
            public Optional<StreamingChatModel> streamingModel() {
                return Optional.empty();
            }
        };
        BackendClient client = new BackendClient(blockingOnly);
        open.add(client);
        List<String> pieces = new CopyOnWriteArrayList<>();

        Generation g = client.stream(GenerationRequest.of("Tell a story", PARAMS), pieces::add)
                .await();

        assertThat(pieces).containsExactly("Once upon a time");
        assertThat(g.text()).isEqualTo("Once upon a time");
        assertThat(server.bodies().get(0).path("stream").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void retriesServerErrorsAndDroppedConnectionsThenSucceeds(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).then(status(500), drop(), status(503));

        Generation g = client(server, protocol, 1, 3).generate(labelRequest(PARAMS));

        assertThat(g.valid()).isTrue();
        assertThat(g.attempts()).isEqualTo(4);
        assertThat(server.chatRequests()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aStreamDroppedMidwayIsRetriedFromTheStart(Protocol protocol) throws Exception {
        CuttingServer server = new CuttingServer(protocol);
        open.add(server);
        BackendKind kind = protocol == Protocol.OLLAMA ? BackendKind.OLLAMA : BackendKind.OPENAI;
        BackendClient client = client(BackendConfig.of(kind, server.url(), "m").withLimits(1, 2));
        List<String> events = new CopyOnWriteArrayList<>();

        Generation g = client.stream(labelRequest(PARAMS), new StreamListener() {
                    @Override
                    public void token(String text) {
                        events.add(text);
                    }

                    @Override
                    public void retrying(int nextAttempt, FailureKind cause) {
                        events.add("<retry " + nextAttempt + ": " + cause + ">");
                    }
                })
                .await();

        assertThat(events)
                .containsExactly("{\"label\": ", "<retry 2: CONNECTION>", "{\"label\": ", "\"card_arrival\"}");
        assertThat(g.text()).isEqualTo("{\"label\": \"card_arrival\"}");
        assertThat(g.valid()).isTrue();
        assertThat(g.attempts()).isEqualTo(2);
        assertThat(server.connections()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void givesUpAfterTheConfiguredNumberOfRetries(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).always(status(500));
        BackendClient client = client(server, protocol, 1, 2);

        GenerationException e = failure(client, labelRequest(PARAMS));

        assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.getMessage()).contains("server error after 3 attempts");
        assertThat(server.chatRequests()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void neverRetriesAClientError(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).always(status(400));
        BackendClient client = client(server, protocol, 1, 3);

        assertThat(failure(client, labelRequest(PARAMS)).kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(server.chatRequests()).isEqualTo(1);
    }

    @Test
    void aWrongKeyIsA401ThatIsNotRetriedAndTheRightKeyIsSent() throws Exception {
        LoopbackServer server = server(Protocol.OPENAI).requireKey("sk-right-key");
        BackendConfig base = config(server, Protocol.OPENAI).withLimits(1, 3);

        assertThat(failure(client(base.withApiKey("sk-wrong")), labelRequest(PARAMS))
                        .kind())
                .isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(server.chatRequests()).isEqualTo(1);

        assertThat(client(base.withApiKey("sk-right-key"))
                        .generate(labelRequest(PARAMS))
                        .valid())
                .isTrue();
        assertThat(server.authorizations()).last().isEqualTo("Bearer sk-right-key");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void waitsAsLongAsA503sRetryAfterAsksBeforeTryingAgain(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).then(status(503, "1"));

        Generation g = client(server, protocol, 1, 3).generate(labelRequest(PARAMS));

        assertThat(g.valid()).isTrue();
        assertThat(g.attempts()).isEqualTo(2);
        assertThat(server.betweenChats(0, 1))
                .as("the backoff alone waits %s at most", BACKOFF.multipliedBy(4))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aStreamingRequestHonoursRetryAfterToo(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).then(status(503, "1"));
        List<String> pieces = new CopyOnWriteArrayList<>();

        Generation g = client(server, protocol, 1, 3).stream(labelRequest(PARAMS), pieces::add)
                .await();

        assertThat(g.text()).isEqualTo("{\"label\": \"card_arrival\"}");
        assertThat(server.bodies().get(1).path("stream").asBoolean()).isTrue();
        assertThat(server.betweenChats(0, 1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        // Three seconds ahead when the server answers, at the header's one-second precision: two seconds at least.
        LoopbackServer server = server(Protocol.OPENAI).then((srv, ex, request) -> status(
                        503,
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3)))
                .send(srv, ex, request));

        Generation g = client(server, Protocol.OPENAI, 1, 3).generate(labelRequest(PARAMS));

        assertThat(g.attempts()).isEqualTo(2);
        assertThat(server.betweenChats(0, 1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aRetryAfterLongerThanTheTimeoutFailsAtOnceSayingHowLongTheServerAskedFor(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).then(status(503, "30"));
        BackendConfig config = config(server, protocol).withLimits(1, 3);

        GenerationException e = failure(client(config), labelRequest(PARAMS));

        assertThat(e.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(e.getMessage())
                .isEqualTo(config.name() + " (" + server.url() + "): server error after 1 attempt: "
                        + "the server asked to wait 30 s, longer than the request timeout of 5 s");
        assertThat(server.chatRequests()).isEqualTo(1);
    }

    @Test
    void withoutAnApiKeyNoAuthorizationHeaderIsSentAndWithOneItIs() throws Exception {
        LoopbackServer server = server(Protocol.OPENAI);
        BackendConfig keyless = config(server, Protocol.OPENAI).withLimits(1, 0);

        client(keyless).generate(labelRequest(PARAMS));
        client(keyless).stream(labelRequest(PARAMS), piece -> {}).await();
        client(keyless.withApiKey("sk-local")).generate(labelRequest(PARAMS));

        assertThat(server.authorizations()).containsExactly("null", "null", "Bearer sk-local");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aSlowAnswerTimesOutAndIsRetried(Protocol protocol) throws Exception {
        LoopbackServer server =
                server(protocol).then(after(Duration.ofSeconds(3), answer("{\"label\": \"card_arrival\"}")));
        long start = System.nanoTime();

        Generation g =
                client(server, protocol, 1, 1).generate(labelRequest(PARAMS.withTimeout(Duration.ofMillis(400))));

        assertThat(g.attempts()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(server.chatRequests()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aTimeoutWithoutRetriesIsReportedAsATimeout(Protocol protocol) throws Exception {
        LoopbackServer server = server(protocol).always(after(Duration.ofSeconds(3), answer("late")));
        BackendClient client = client(server, protocol, 1, 0);

        GenerationException e = failure(client, labelRequest(PARAMS.withTimeout(Duration.ofMillis(300))));

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.getMessage()).contains("no answer within 300 ms");
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void cancellingAStreamFreesItsSlotAtOnce(Protocol protocol) throws Exception {
        String longStory = "word ".repeat(200).strip();
        LoopbackServer server = server(protocol).then(answerSlowly(longStory, Duration.ofMillis(50)));
        BackendClient client = client(server, protocol, 1, 0);
        List<String> pieces = new CopyOnWriteArrayList<>();

        PendingGeneration slow = client.stream(GenerationRequest.of("Tell a long story", PARAMS), pieces::add);
        waitUntil(() -> pieces.size() >= 2);
        slow.cancel();
        int streamedAtCancel = pieces.size();

        assertThat(client.inFlight()).isZero();
        Generation next = client.generate(labelRequest(PARAMS));
        assertThat(next.valid()).isTrue();
        assertThatThrownBy(slow::await).isInstanceOf(CancellationException.class);
        Thread.sleep(200);
        assertThat(pieces.size()).as("nothing streams after the cancel").isLessThanOrEqualTo(streamedAtCancel + 1);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void neverHasMoreRequestsInFlightThanTheLimit(Protocol protocol) throws Exception {
        LoopbackServer server =
                server(protocol).always(after(Duration.ofMillis(150), answer("{\"label\": \"card_arrival\"}")));
        BackendClient client = client(server, protocol, 3, 0);

        List<PendingGeneration> pending = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pending.add(
                    i % 2 == 0
                            ? client.submit(labelRequest(PARAMS))
                            : client.stream(labelRequest(PARAMS), StreamListener.NONE));
        }
        for (PendingGeneration p : pending) {
            assertThat(p.await().valid()).isTrue();
        }

        assertThat(server.chatRequests()).isEqualTo(12);
        assertThat(server.maxConcurrentChats()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void anOutputThatBreaksTheSchemaIsARecordedFailureWithItsRawText(Protocol protocol) throws Exception {
        LoopbackServer server =
                server(protocol).then(answer("{\"label\": \"pizza\"}"), answer("I think it is card_arrival"));
        BackendClient client = client(server, protocol, 1, 3);

        Generation offList = client.generate(labelRequest(PARAMS));
        Generation prose = client.generate(labelRequest(PARAMS));

        assertThat(offList.valid()).isFalse();
        assertThat(offList.text()).isEqualTo("{\"label\": \"pizza\"}");
        assertThat(offList.validation().error()).contains("\"pizza\" is not one of");
        assertThat(prose.valid()).isFalse();
        assertThat(prose.text()).isEqualTo("I think it is card_arrival");
        assertThat(prose.validation().error()).isEqualTo("no JSON object in the output");
        assertThat(server.chatRequests()).as("a bad output is not retried").isEqualTo(2);
    }

    private static GenerationException failure(BackendClient client, GenerationRequest request) {
        return catchThrowableOfType(GenerationException.class, () -> client.generate(request));
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
