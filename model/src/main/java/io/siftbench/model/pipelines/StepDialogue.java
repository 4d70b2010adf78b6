package io.siftbench.model.pipelines;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A dialogue step as its file writes it: two prompts, the user's side and the assistant's, alternated turn by turn
 * (the user opens) for up to {@code turns} turns or until a turn's text contains {@code stop}, one conversation per
 * slot. The step runs as one run per turn ({@link DialogueTurns}).
 *
 * @param user      the user side's prompt, {@code NAME} or {@code NAME@V}
 * @param assistant the assistant side's prompt, {@code NAME} or {@code NAME@V}
 * @param turns     the most turns a conversation has; null for {@link #MAX_TURNS} (a stop phrase is then needed)
 * @param stop      the phrase that ends a conversation at the turn whose text contains it; null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"user", "assistant", "turns", "stop"})
public record StepDialogue(String user, String assistant, Integer turns, String stop) {

    /**
     * The most turns a dialogue may have: each turn is a run of its own, and a conversation that goes on longer
     * than this is more likely a loop than a dialogue.
     */
    public static final int MAX_TURNS = 40;

    /** How many turns a conversation has at most. */
    public int turnLimit() {
        return turns == null ? MAX_TURNS : turns;
    }

    /** The prompt of turn {@code number} (from 1): the user's in odd turns, the assistant's in even ones. */
    public String promptOf(int number) {
        return number % 2 == 1 ? user : assistant;
    }

    /** The same dialogue with its prompts as given (pinned to their versions). */
    public StepDialogue withPrompts(String userPrompt, String assistantPrompt) {
        return new StepDialogue(userPrompt, assistantPrompt, turns, stop);
    }
}
