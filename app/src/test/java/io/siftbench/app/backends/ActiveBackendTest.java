package io.siftbench.app.backends;

import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.ChatBackend;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.testing.SharedFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.siftbench.app.backends.HttpBackendsTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

class ActiveBackendTest {

    @Test
    void loadsTheGgufModelLazilyAndUnloadsItWhenTheBackendChanges() throws Exception {
        BackendConfig gguf = BackendConfig.of(BackendKind.GGUF,
                SharedFixtures.require("models/stories260K.gguf").toString(), "").withGguf(1, 512);
        List<ChatBackend> opened = new CopyOnWriteArrayList<>();
        try (ActiveBackend active = new ActiveBackend(config -> {
            ChatBackend backend = Providers.open(config);
            opened.add(backend);
            return backend;
        })) {
            active.select(Optional.of(gguf));
            assertThat(opened).as("nothing is built before it is needed").isEmpty();
            BackendClient client = active.client().orElseThrow();
            GgufChatModel model = ((GgufBackend) opened.get(0)).model();
            assertThat(model.isLoaded()).isFalse();
            client.generate(GenerationRequest.of("Once", GenerationParameters.DEFAULT.withMaxTokens(4)));
            assertThat(model.isLoaded()).isTrue();
            active.select(Optional.of(gguf));
            assertThat(active.client()).containsSame(client);

            active.select(Optional.of(BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:11434", "llama3")));

            waitUntil(() -> !model.isLoaded());
            assertThat(active.client().orElseThrow()).isNotSameAs(client);
            active.select(Optional.empty());
            assertThat(active.client()).isEmpty();
        }
    }
}
