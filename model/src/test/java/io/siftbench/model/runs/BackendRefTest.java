package io.siftbench.model.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendRefTest {

    @Test
    void theModelShownIsTheOneAskedForElseTheGgufFileElseTheServersDefault() {
        assertThat(new BackendRef("ollama", "http://127.0.0.1:11434", "llama3.2").modelShown())
                .isEqualTo("llama3.2");
        assertThat(new BackendRef("gguf", "/models/tiny/stories260K.gguf", null).modelShown())
                .isEqualTo("stories260K.gguf");
        assertThat(new BackendRef("openai", "http://127.0.0.1:8080/v1", " ").modelShown())
                .isEqualTo("default model");
    }
}
