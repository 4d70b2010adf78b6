package io.siftbench.model.pipelines;

import io.siftbench.model.prompts.PromptNames;
import java.util.List;

/**
 * The shape of a dialogue step in a pipeline file: its two prompts, a way to end (a turn limit, a stop phrase or
 * both), where it starts from, and its place as the pipeline's last step.
 */
final class DialogueChecks {

    private DialogueChecks() {}

    static void problems(Pipeline pipeline, int i, String where, List<String> problems) {
        PipelineStep step = pipeline.steps().get(i);
        StepDialogue dialogue = step.dialogue();
        String named = "dialogue '" + PromptNames.shown(String.valueOf(step.name())) + "'";
        if (step.prompt() != null) {
            problems.add(where + ".prompt: " + named + " names its prompts in dialogue.user and dialogue.assistant;"
                    + " leave out \"prompt\"");
        }
        PipelineFile.promptProblems(
                dialogue.user(), where + ".dialogue.user", "the prompt that writes the user's turns", problems);
        PipelineFile.promptProblems(
                dialogue.assistant(),
                where + ".dialogue.assistant",
                "the prompt that writes the assistant's turns",
                problems);
        if (dialogue.turns() == null && dialogue.stop() == null) {
            problems.add(where + ".dialogue: " + named + " has no stop phrase and no turn limit, so nothing ends a"
                    + " conversation; give \"turns\" (1 to " + StepDialogue.MAX_TURNS + "), \"stop\", or both");
        }
        if (dialogue.turns() != null && (dialogue.turns() < 1 || dialogue.turns() > StepDialogue.MAX_TURNS)) {
            problems.add(where + ".dialogue.turns: " + named + " has 1 to " + StepDialogue.MAX_TURNS + " turns; got "
                    + dialogue.turns());
        }
        if (dialogue.stop() != null && dialogue.stop().isBlank()) {
            problems.add(where + ".dialogue.stop: " + named + "'s stop phrase is empty, and every text contains an"
                    + " empty phrase; write the words that end a conversation, e.g. \"GOODBYE\"");
        }
        if ("dataset".equals(step.input())) {
            // A dataset step annotates: its samples are labels, not the opening lines of a conversation.
            problems.add(where + ".input: " + named + " starts from nothing (\"none\") or the samples of an earlier"
                    + " step (\"step:NAME\"); to open conversations from records, annotate or rewrite them in a step"
                    + " before it, whose {{record.…}} the turns read too");
        }
        if (step.prefer() != null) {
            problems.add(where + ".prefer: " + named + "'s turns are lines of one conversation, not texts written for"
                    + " the same request; a dialogue prefers nothing");
        }
        if (i < pipeline.steps().size() - 1) {
            // Its conversations end at different turns, so no one run of it holds them all for a later step.
            problems.add(where + ": " + named + " must be the pipeline's last step: its conversations end at"
                    + " different turns, so no later step can read them");
        }
    }
}
