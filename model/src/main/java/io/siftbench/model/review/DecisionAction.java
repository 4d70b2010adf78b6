package io.siftbench.model.review;

import java.util.List;

/**
 * One undoable step: the decisions recorded together (one, or a bulk action's many), and the decisions
 * that count for those samples after the step was done, undone or redone (null where none counts).
 *
 * @param id        the action's id in the history
 * @param decisions the decisions the action recorded, in order
 * @param current   per decision, the one that counts for that sample now
 */
public record DecisionAction(long id, List<Decision> decisions, List<Decision> current) {

    public DecisionAction {
        decisions = List.copyOf(decisions);
        current = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(current));
        if (decisions.size() != current.size()) {
            throw new IllegalArgumentException("one current decision per decision");
        }
    }

    public List<Long> sampleIds() {
        return decisions.stream().map(Decision::sampleId).toList();
    }
}
