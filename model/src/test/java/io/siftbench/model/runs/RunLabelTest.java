package io.siftbench.model.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.prompts.PromptMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A run is named the same way on every screen: by its id and the prompt version it sent. */
class RunLabelTest {

    private static final RunInfo RUN = new RunInfo(
            12,
            "intent",
            2,
            new RunConfig(
                    7,
                    PromptMode.ANNOTATE,
                    BackendRef.of(BackendKind.OLLAMA, "http://127.0.0.1:11434", "qwen"),
                    "{}",
                    3L,
                    42,
                    1,
                    200,
                    1,
                    "{}"),
            RunStatus.COMPLETED,
            200,
            3,
            Instant.EPOCH,
            Instant.EPOCH,
            99L);

    @Test
    void aRunIsNamedByItsIdAndPromptVersion() {
        assertThat(RunLabel.name(RUN)).isEqualTo("#12 intent v2");
        assertThat(RunLabel.prompt(RUN)).isEqualTo("intent v2");
    }

    @Test
    void aChooserAddsItsModeAndSamplesAndAnyDetailsAfterTheName() {
        assertThat(RunLabel.withSamples(RUN)).isEqualTo("#12 intent v2 · annotate · 200 samples");
        assertThat(RunLabel.of(RUN, "qwen", "seed 42")).isEqualTo("#12 intent v2 · qwen · seed 42");
        assertThat(RunLabel.of(RUN)).isEqualTo("#12 intent v2");
    }

    @Test
    void aChooserNamesAPipelineStepsRunByItsStepBeforeItsModeAndNothingMoreOutsidePipelines() {
        assertThat(RunLabel.withSamples(RUN, "question-answer v1 · step 2 answer"))
                .isEqualTo("#12 intent v2 · question-answer v1 · step 2 answer · annotate · 200 samples");
        assertThat(RunLabel.withSamples(RUN, "")).isEqualTo(RunLabel.withSamples(RUN));
    }
}
