package io.siftbench.views.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineFile;
import org.junit.jupiter.api.Test;

/** The editor's draft reads back what it shows as edited and everything else of a step as the file said it. */
class PipelineDraftTest {

    @Test
    void anEditedStepKeepsTheFieldsTheEditorDoesNotShow() {
        Pipeline file = PipelineFile.parse(
                """
                {"name": "qa", "steps": [
                  {"name": "question", "prompt": "question-writer@1", "input": "none", "stopForReview": true},
                  {"name": "answer", "prompt": "answerer@1", "input": "step:question", "select": "passing-filters",
                   "onePerCell": true, "parameters": {"temperature": 0.2}},
                  {"name": "polish", "prompt": "polisher@1", "input": "step:answer", "stream": true,
                   "prefer": {"over": "answer"}}]}
                """,
                "qa.pipeline.json");
        PipelineDraft draft = new PipelineDraft();
        draft.edit(file);

        draft.steps().get(2).nameProperty().set("polished");

        Pipeline read = draft.pipeline();
        assertThat(read.steps().get(0).stopsForReview()).isTrue();
        assertThat(read.steps().get(1).takesOnePerCell()).isTrue();
        assertThat(read.steps().get(1).select()).isEqualTo("passing-filters");
        assertThat(read.steps().get(1).parameters())
                .isEqualTo(file.steps().get(1).parameters());
        assertThat(read.steps().get(2).name()).isEqualTo("polished");
        assertThat(read.steps().get(2).streams()).isTrue();
        assertThat(read.steps().get(2).prefer()).isEqualTo(file.steps().get(2).prefer());
    }
}
