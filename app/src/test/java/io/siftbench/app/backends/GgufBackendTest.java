package io.siftbench.app.backends;

import static io.siftbench.app.backends.HttpBackendsTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.Generation;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.backends.OutputSchema;
import io.siftbench.model.backends.PendingGeneration;
import io.siftbench.model.testing.SharedFixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process GGUF backend generating from the real stories260K model (one thread, as on 2 cores). */
class GgufBackendTest {

    private static final GenerationParameters PARAMS =
            new GenerationParameters(0.8, 0.95, 40, 7, List.of(), Duration.ofSeconds(30));

    private static GgufBackend backend;
    private static BackendClient client;

    @BeforeAll
    static void open() {
        BackendConfig config = BackendConfig.of(
                        BackendKind.GGUF,
                        SharedFixtures.require("models/stories260K.gguf").toString(),
                        "")
                .withGguf(1, 1024);
        backend = (GgufBackend) Providers.open(config);
        client = new BackendClient(backend);
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void generatesCountedTokensAndTheSameStoryForTheSameSeed() {
        Generation first = client.generate(GenerationRequest.of("Once upon a time", PARAMS));
        Generation again = client.generate(GenerationRequest.of("Once upon a time", PARAMS));
        Generation other = client.generate(GenerationRequest.of("Once upon a time", PARAMS.withSeed(8)));

        assertThat(first.text()).isNotBlank();
        assertThat(first.completionTokens()).isBetween(1, 40);
        assertThat(first.promptTokens()).isGreaterThan(3);
        assertThat(first.model()).isEqualTo("stories260K.gguf");
        assertThat(first.finishReason()).isEqualTo(first.completionTokens() == 40 ? "LENGTH" : "STOP");
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(other.text()).isNotEqualTo(first.text());
    }

    @Test
    void streamsEveryTokenAsItComes() throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();

        Generation g = client.stream(GenerationRequest.of("Once upon a time", PARAMS.withSeed(3)), pieces::add)
                .await();

        assertThat(pieces).hasSize(g.completionTokens());
        assertThat(String.join("", pieces)).isEqualTo(g.text());
    }

    @Test
    void aSchemaBecomesAGrammarSoTheLabelIsAlwaysAllowed() {
        OutputSchema labels = OutputSchema.label(List.of("card_arrival", "lost_or_stolen_card"));
        GenerationRequest request = new GenerationRequest(
                List.of(SystemMessage.from("Label the question."), UserMessage.from("my card has not arrived")),
                PARAMS.withMaxTokens(64),
                labels);

        Generation g = client.generate(request);

        assertThat(g.valid()).as(g.text() + " / " + g.validation().error()).isTrue();
        assertThat(g.validation().value().get("label").asText()).isIn("card_arrival", "lost_or_stolen_card");
    }

    @Test
    void cancellingStopsTheTokensAndFreesTheSlot() throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();
        PendingGeneration long_ =
                client.stream(GenerationRequest.of("Once upon a time", PARAMS.withMaxTokens(900)), text -> {
                    pieces.add(text);
                    sleep();
                });
        waitUntil(() -> pieces.size() >= 5);

        long_.cancel();

        assertThat(client.inFlight()).isZero();
        assertThatThrownBy(long_::await).isInstanceOf(CancellationException.class);
        int atCancel = pieces.size();
        Thread.sleep(100);
        assertThat(pieces.size()).isLessThanOrEqualTo(atCancel + 1).isLessThan(900);
        assertThat(client.generate(GenerationRequest.of("Hello", PARAMS.withMaxTokens(5)))
                        .text())
                .isNotEmpty();
    }

    @Test
    void loadsOnFirstUseAndUnloadsOnClose() {
        BackendConfig config = backend.config();
        try (GgufBackend fresh = (GgufBackend) Providers.open(config)) {
            assertThat(fresh.model().isLoaded()).isFalse();
            fresh.chatModel().chat("Once");
            assertThat(fresh.model().isLoaded()).isTrue();
            fresh.close();
            assertThat(fresh.model().isLoaded()).isFalse();
        }
    }

    @Test
    void unloadingFreesTheModelAndTheNextRequestLoadsItAgain() {
        try (GgufBackend fresh = (GgufBackend) Providers.open(backend.config());
                BackendClient freshClient = new BackendClient(fresh)) {
            freshClient.generate(GenerationRequest.of("Once", PARAMS.withMaxTokens(3)));
            assertThat(fresh.model().isLoaded()).isTrue();

            freshClient.unload();

            assertThat(fresh.model().isLoaded()).isFalse();
            assertThat(freshClient
                            .generate(GenerationRequest.of("Once", PARAMS.withMaxTokens(3)))
                            .text())
                    .isNotEmpty();
            assertThat(fresh.model().isLoaded()).isTrue();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
