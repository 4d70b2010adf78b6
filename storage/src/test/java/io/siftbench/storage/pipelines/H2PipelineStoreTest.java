package io.siftbench.storage.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineFileException;
import io.siftbench.model.pipelines.PipelineStep;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline versions in a real project file: numbered, immutable, their prompts pinned when saved. */
class H2PipelineStoreTest {

    private static final String WRITER =
            """
            {"name": "writer", "mode": "synthesize", "template": {"user": "Write a question about %s."},
             "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
            """;
    private static final String ANSWERER =
            """
            {"name": "answerer", "mode": "synthesize", "template": {"user": "{{steps.question.text}}"},
             "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}}}}}
            """;
    private static final String PIPELINE =
            """
            {"name": "qa", "note": "%s", "steps": [
              {"name": "question", "prompt": "writer", "input": "none"},
              {"name": "answer", "prompt": "answerer", "input": "step:question", "select": "accepted"}]}
            """;

    @TempDir
    Path dir;

    private Project open() {
        return new H2ProjectOpener().open(dir.resolve("project"));
    }

    @Test
    void savingMakesTheNextVersionWithEachPromptPinnedToItsNewestThen() {
        try (Project p = open()) {
            p.prompts().save(PromptFile.parse(WRITER.formatted("cards"), "writer"));
            p.prompts().save(PromptFile.parse(ANSWERER, "answerer"));
            StoredPipeline first = p.pipelines().save(PipelineFile.parse(PIPELINE.formatted("first"), "qa"));
            p.prompts().save(PromptFile.parse(WRITER.formatted("fees"), "writer"));
            StoredPipeline second = p.pipelines().save(PipelineFile.parse(PIPELINE.formatted("second"), "qa"));

            assertThat(first.version()).isEqualTo(1);
            assertThat(second.version()).isEqualTo(2);
            assertThat(p.pipelines().load(first.id()).pipeline().steps())
                    .extracting(PipelineStep::prompt)
                    .as("version 1 keeps the prompt versions it was saved with")
                    .containsExactly("writer@1", "answerer@1");
            assertThat(second.pipeline().steps())
                    .extracting(PipelineStep::prompt)
                    .containsExactly("writer@2", "answerer@1");
            assertThat(p.pipelines().versions("qa"))
                    .extracting(s -> s.pipeline().note())
                    .containsExactly("first", "second");
            assertThat(p.pipelines().list()).extracting(StoredPipeline::version).containsExactly(2);
        }
        try (Project p = open()) {
            Pipeline reopened = p.pipelines().versions("qa").get(1).pipeline();
            assertThat(reopened.steps().get(1).select()).isEqualTo("accepted");
        }
    }

    @Test
    void aStepWhosePromptIsInTheWrongModeIsRefusedAndNothingIsStored() {
        try (Project p = open()) {
            p.prompts().save(PromptFile.parse(WRITER.formatted("cards"), "writer"));
            p.prompts().save(PromptFile.parse(ANSWERER, "answerer"));
            Pipeline onDataset = PipelineFile.parse(
                    """
                    {"name": "qa", "steps": [{"name": "question", "prompt": "writer", "input": "dataset"}]}
                    """,
                    "qa");

            assertThatThrownBy(() -> p.pipelines().save(onDataset))
                    .isInstanceOf(PipelineFileException.class)
                    .hasMessage("Cannot save pipeline 'qa': steps[0] (question).prompt: the step annotates the records"
                            + " of a dataset, so its prompt is in annotate mode; 'writer@1' is in synthesize mode");
            assertThat(p.pipelines().list()).isEmpty();
            assertThat(p.pipelines().versions("qa")).isEmpty();
        }
    }
}
