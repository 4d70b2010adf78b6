package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.backends.DelegatingBackend;
import io.siftbench.app.backends.Providers;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.testing.SharedFixtures;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a run uses another backend, the in-process model of the previous one is unloaded (and reloads if needed). */
class RunBackendsUnloadTest {

    @Test
    void aNewBackendUnloadsThePreviousModelWhichStillAnswersAfterwards() {
        String file = SharedFixtures.require("models/stories260K.gguf").toString();
        BackendSettings user = BackendSettings.EMPTY.with(
                null,
                BackendConfig.of(BackendKind.GGUF, file, "").withName("tiny").withGguf(1, 512));
        Map<Integer, AtomicInteger> unloads = new ConcurrentHashMap<>();
        GenerationRequest hello = GenerationRequest.of("Once", GenerationParameters.DEFAULT.withMaxTokens(4));

        try (RunBackends backends = new RunBackends(
                () -> user,
                config -> counting(
                        Providers.open(config),
                        unloads.computeIfAbsent(config.maxInFlight(), k -> new AtomicInteger())))) {
            BackendClient first = backends.apply(run(file, 1));
            first.generate(hello);
            assertThat(backends.apply(run(file, 1)))
                    .as("the same backend is reused")
                    .isSameAs(first);

            BackendClient second = backends.apply(run(file, 2));

            assertThat(second).isNotSameAs(first);
            assertThat(unloads.get(1).get()).isEqualTo(1);
            assertThat(first.generate(hello).completionTokens())
                    .as("loads again on demand")
                    .isPositive();
        }
    }

    private static RunInfo run(String file, int concurrency) {
        RunConfig config = new RunConfig(
                1, PromptMode.SYNTHESIZE, new BackendRef("gguf", file, null), "{}", null, 7, concurrency, 1, 1, "");
        return new RunInfo(1, "p", 1, config, RunStatus.RUNNING, 0, 0, Instant.now(), null, null);
    }

    /** The real backend, counting how often it is asked to unload. */
    private static ChatBackend counting(ChatBackend real, AtomicInteger unloads) {
        return new DelegatingBackend(real) {
            @Override
            public void unload() {
                unloads.incrementAndGet();
                super.unload();
            }
        };
    }
}
