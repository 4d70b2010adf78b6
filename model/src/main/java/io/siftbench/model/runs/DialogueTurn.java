package io.siftbench.model.runs;

/**
 * Which turn of a dialogue a pipeline step's run is: a dialogue step of a pipeline is made as one run per turn,
 * each continuing the conversations of the turn before, so the run itself says which turn it is and who speaks.
 * Kept in the run's {@link StepLink}, so that Review, export and the filters read a conversation from its runs
 * alone.
 *
 * @param dialogue the dialogue step's name in its pipeline
 * @param number   the turn, from 1; odd turns are the user's, even ones the assistant's
 * @param stop     the phrase that ends a conversation when a turn's text contains it; null for none
 */
public record DialogueTurn(String dialogue, int number, String stop) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    /** Who speaks in this turn: the user opens the conversation, the assistant answers, and so on in turn. */
    public String role() {
        return number % 2 == 1 ? USER : ASSISTANT;
    }

    /** Whether {@code text}, written in this turn, ends its conversation. */
    public boolean ends(String text) {
        return stop != null && text != null && text.contains(stop);
    }
}
