package io.siftbench.views.review;

import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionAction;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import java.util.List;

/**
 * What Review says after a bulk action, an undo or a redo: what was done, to how many samples or to which one, and
 * in which run, so that an action is never silent and an undo after a restart says what it took back.
 */
final class DecisionMessages {

    private DecisionMessages() {}

    /** "Rejected 11 samples flagged by length in #2 intent v1; Ctrl+Z takes it back." */
    static String recorded(String done, String run) {
        return done + " in " + run + "; Ctrl+Z takes it back.";
    }

    /** "1 sample", "11 samples". */
    static String count(int samples) {
        return samples + (samples == 1 ? " sample" : " samples");
    }

    /**
     * "Undid the rejection of sample #123 in #2 intent v1; it is undecided now." or "Redid the rejection of 11
     * samples in #2 intent v1."
     */
    static String stepped(boolean redo, DecisionAction action, String run) {
        List<Decision> decisions = action.decisions();
        StringBuilder text = new StringBuilder(redo ? "Redid " : "Undid ")
                .append(what(decisions))
                .append(" of ")
                .append(samples(decisions))
                .append(" in ")
                .append(run);
        if (!redo && decisions.size() == 1) {
            Decision now = action.current().get(0);
            text.append("; it is ")
                    .append(now == null ? ReviewItem.UNDECIDED : now.status().id())
                    .append(" now");
        }
        return text.append('.').toString();
    }

    /** "sample #123", or "11 samples". */
    private static String samples(List<Decision> decisions) {
        return decisions.size() == 1 ? "sample #" + decisions.get(0).sampleId() : count(decisions.size());
    }

    /** "the rejection", or "the decisions" where they were of more than one kind. */
    private static String what(List<Decision> decisions) {
        DecisionStatus status = common(decisions);
        if (status == null) {
            return "the decisions";
        }
        return switch (status) {
            case ACCEPTED -> "the acceptance";
            case REJECTED -> "the rejection";
            case EDITED -> "the edit";
            case SKIPPED -> "the skip";
        };
    }

    private static DecisionStatus common(List<Decision> decisions) {
        DecisionStatus first = decisions.get(0).status();
        return decisions.stream().allMatch(d -> d.status() == first) ? first : null;
    }
}
