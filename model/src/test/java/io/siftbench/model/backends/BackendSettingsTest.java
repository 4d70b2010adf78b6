package io.siftbench.model.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {

    private final BackendConfig ollama = BackendConfig.of(BackendKind.OLLAMA, "http://127.0.0.1:11434", "llama3")
            .withName("local ollama");
    private final BackendConfig server = BackendConfig.of(BackendKind.OPENAI, "http://127.0.0.1:8080/v1", "qwen")
            .withName("llama-server");

    @Test
    void theFirstBackendIsTheDefaultUntilAnotherIsChosen() {
        BackendSettings s = BackendSettings.EMPTY.with(null, ollama).with(null, server);

        assertThat(s.defaultConfig()).contains(ollama);
        assertThat(s.withDefault("llama-server").defaultConfig()).contains(server);
    }

    @Test
    void renamingTheDefaultKeepsItTheDefaultAndRemovingItPicksAnother() {
        BackendSettings s = BackendSettings.EMPTY.with(null, ollama).with(null, server);

        BackendSettings renamed = s.with("local ollama", ollama.withName("ollama 2"));
        assertThat(renamed.defaultBackend()).isEqualTo("ollama 2");
        assertThat(renamed.backends()).extracting(BackendConfig::name).containsExactly("ollama 2", "llama-server");
        assertThat(s.without("local ollama").defaultBackend()).isEqualTo("llama-server");
    }

    @Test
    void twoBackendsCannotShareAName() {
        BackendSettings s = BackendSettings.EMPTY.with(null, ollama);

        assertThatThrownBy(() -> s.with(null, server.withName("local ollama")))
                .hasMessageContaining("already a backend named 'local ollama'");
    }

    @Test
    void aBackendIsNamedOnTheCommandLineAsKindColonLocation() {
        BackendConfig parsed = BackendConfig.parse("openai:http://127.0.0.1:8080/v1", "qwen");

        assertThat(parsed.kind()).isEqualTo(BackendKind.OPENAI);
        assertThat(parsed.location()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(parsed.model()).isEqualTo("qwen");
        assertThat(BackendConfig.parse("GGUF:/models/tiny.gguf", null).location())
                .isEqualTo("/models/tiny.gguf");
        assertThatThrownBy(() -> BackendConfig.parse("http://127.0.0.1:11434", "m"))
                .hasMessage("Unknown backend kind 'http': use ollama, openai or gguf");
        assertThatThrownBy(() -> BackendConfig.parse("ollama", "m")).hasMessageContaining("is not KIND:URL_OR_FILE");
    }

    @Test
    void theKeyIsMaskedInTextAndNeverPrintedWhole() {
        BackendConfig withKey = server.withApiKey("sk-very-secret-1234");

        assertThat(withKey.maskedApiKey()).isEqualTo("••••1234");
        assertThat(withKey.toString()).doesNotContain("very-secret").contains("••••1234");
    }

    @Test
    void retriesWaitLongerEachTimeWithJitterAndACap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));
        SplittableRandom random = new SplittableRandom(7);

        for (int i = 0; i < 50; i++) {
            assertThat(policy.delay(1, random).toMillis()).isBetween(50L, 100L);
            assertThat(policy.delay(3, random).toMillis()).isBetween(200L, 400L);
            assertThat(policy.delay(10, random).toMillis()).isBetween(500L, 1000L);
        }
        assertThat(java.util.stream.IntStream.range(0, 20)
                        .mapToLong(i -> policy.delay(3, random).toMillis())
                        .distinct()
                        .count())
                .as("jittered")
                .isGreaterThan(1);
    }

    @Test
    void physicalCoresCountsCoresNotHyperThreads() {
        List<String> cpuinfo = List.of(
                "processor : 0",
                "physical id : 0",
                "core id : 0",
                "processor : 1",
                "physical id : 0",
                "core id : 0",
                "processor : 2",
                "physical id : 0",
                "core id : 1",
                "processor : 3",
                "physical id : 0",
                "core id : 1");

        assertThat(PhysicalCores.countCores(cpuinfo)).isEqualTo(2);
        assertThat(PhysicalCores.countCores(List.of("processor : 0", "processor : 1")))
                .isEqualTo(2);
    }
}
