package io.siftbench.model.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only history of decisions. The newest decision of a sample counts, unless the action that
 * recorded it was undone. Undo and redo walk the history of actions as far back as it goes, also after the
 * project was closed and opened again; recording a new action drops what could have been redone, as in
 * any editor. Every call commits before it returns.
 */
public interface DecisionStore {

    /** Records {@code decision} as one action. */
    default DecisionAction decide(Decision decision) {
        return decide(List.of(decision));
    }

    /** Records {@code decisions} as one action, so that one undo takes back all of them (bulk actions). */
    DecisionAction decide(List<Decision> decisions);

    /** Takes back the newest action still in force, or returns empty when there is none. */
    Optional<DecisionAction> undo();

    /** Does again the action undone last, or returns empty when nothing was undone since the last action. */
    Optional<DecisionAction> redo();

    /** The decision that counts for {@code sampleId}, if any. */
    Optional<Decision> current(long sampleId);

    /** The decisions that count for the samples of {@code runId}, by sample id. */
    Map<Long, Decision> currentOfRun(long runId);

    /** Every decision ever recorded about {@code sampleId}, oldest first, undone ones included. */
    List<Decision> history(long sampleId);

    /** The edits in force for {@code runId}: the model's original beside the researcher's version. */
    List<Edit> edits(long runId);

    /** A researcher's edit beside the model's original, for preference export. */
    record Edit(long sampleId, String originalText, String originalLabel, String editedText, String editedLabel) {}
}
