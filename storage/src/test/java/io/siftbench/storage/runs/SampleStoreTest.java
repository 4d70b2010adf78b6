package io.siftbench.storage.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored sample, as {@code add} hands it back, is exactly what reading it from the file gives. */
class SampleStoreTest {

    @TempDir
    Path dir;

    @Test
    void theSampleAddReturnsIsTheOneStored() throws Exception {
        Path file = dir.resolve("samples.mv.db");
        long version = RunFixture.promptVersion(file, "p", PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            long run = RunFixture.run(project, version, PromptMode.ANNOTATE, 1)
                    .get(0)
                    .runId();
            Sample plain = RunFixture.sample(run, PromptMode.ANNOTATE, 1);
            // An over-long validation error is kept to 4,000 characters; votes, tokens and a null text as they are.
            Sample longError = RunFixture.sample(run, PromptMode.ANNOTATE, 4);
            Sample wordy = new Sample(
                    0,
                    run,
                    longError.slot(),
                    longError.model(),
                    longError.parameters(),
                    longError.seed(),
                    longError.rawOutput(),
                    longError.label(),
                    longError.rationale(),
                    longError.confidence(),
                    longError.text(),
                    longError.parsed(),
                    false,
                    "x".repeat(5_000),
                    longError.votes(),
                    longError.promptTokens(),
                    longError.completionTokens(),
                    longError.latencyMillis(),
                    longError.finishReason(),
                    null,
                    null);

            for (Sample written : List.of(plain, wordy)) {
                Sample returned = project.samples().add(written);
                Sample stored = project.samples().find(returned.id()).orElseThrow();
                assertThat(returned).usingRecursiveComparison().isEqualTo(stored);
                assertThat(stored.validationError())
                        .isEqualTo(written == wordy ? "x".repeat(3_997) + "…" : written.validationError());
            }
        }
    }
}
