package io.siftbench.model.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.runs.DialogueTurn;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A dialogue step in the pipeline file: the shipped example reads and writes back, its runs are its turns in
 * order, the user's and the assistant's prompt in turn, each reading the turn before; and a dialogue that reads
 * records, prefers, or has a step after it is refused naming the step.
 */
class DialogueTurnsTest {

    @Test
    void theShippedDialogueUnrollsIntoItsTurnsTheUserOpeningEachReadingTheTurnBefore() {
        Pipeline example = PipelineFile.read(Path.of("..", "docs", "examples", "dialogue.pipeline.json"));
        assertThat(PipelineFile.parse(PipelineFile.write(example), "written")).isEqualTo(example);
        assertThat(example.steps().get(1).dialogue()).isEqualTo(new StepDialogue("customer", "agent", 4, "GOODBYE"));

        Pipeline unrolled = DialogueTurns.unrolled(example);

        assertThat(unrolled.steps())
                .extracting(s -> s.name() + " = " + s.prompt() + " ← " + s.input())
                .containsExactly(
                        "question = question-writer ← none",
                        "chat turn 1 (user) = customer ← step:question",
                        "chat turn 2 (assistant) = agent ← step:chat turn 1 (user)",
                        "chat turn 3 (user) = customer ← step:chat turn 2 (assistant)",
                        "chat turn 4 (assistant) = agent ← step:chat turn 3 (user)");
        assertThat(DialogueTurns.turnOf(example, 0)).isEmpty();
        assertThat(DialogueTurns.turnOf(example, 4)).contains(new DialogueTurn("chat", 4, "GOODBYE"));
        assertThat(DialogueTurns.turnOf(example, 4).orElseThrow().role()).isEqualTo("assistant");
        assertThat(DialogueTurns.turnOf(example, 5)).isEmpty();
    }

    @Test
    void aDialogueOnRecordsWithAPreferenceOrWithAStepAfterItIsRefusedNamingTheStep() {
        assertThatThrownBy(() -> PipelineFile.parse(
                        """
                        {"name": "talk", "steps": [
                          {"name": "chat", "prompt": "p", "input": "dataset", "prefer": {"over": "x"},
                           "dialogue": {"user": "u", "assistant": "a@1", "stop": " "}},
                          {"name": "after", "prompt": "q", "input": "none"}]}
                        """,
                        "talk.pipeline.json"))
                .message()
                .contains("steps[0].prompt: dialogue 'chat' names its prompts in dialogue.user and"
                        + " dialogue.assistant; leave out \"prompt\"")
                .contains("steps[0].dialogue.stop: dialogue 'chat''s stop phrase is empty")
                .contains("steps[0].input: dialogue 'chat' starts from nothing (\"none\") or the samples of an"
                        + " earlier step (\"step:NAME\")")
                .contains("steps[0].prefer: dialogue 'chat'")
                .contains("steps[0]: dialogue 'chat' must be the pipeline's last step: its conversations end at"
                        + " different turns, so no later step can read them");
    }
}
