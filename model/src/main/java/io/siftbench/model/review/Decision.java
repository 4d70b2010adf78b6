package io.siftbench.model.review;

import java.time.Instant;

/**
 * One decision about one sample, as appended to the history. The sample itself is never changed, so an
 * edit keeps the model's original there and the researcher's version here.
 *
 * @param id          the stored id, or 0 before it is stored
 * @param sampleId    the sample decided on
 * @param status      accepted, rejected, edited or skipped
 * @param editedText  the researcher's text (edited synthesize samples), else null
 * @param editedLabel the researcher's label (edited annotate samples), else null
 * @param note        the researcher's note, or null
 * @param createdAt   when it was stored, or null before
 */
public record Decision(
        long id,
        long sampleId,
        DecisionStatus status,
        String editedText,
        String editedLabel,
        String note,
        Instant createdAt) {

    public Decision {
        if (status == null) {
            throw new IllegalArgumentException("a decision needs a status");
        }
        boolean hasEdit = editedText != null || editedLabel != null;
        if (status == DecisionStatus.EDITED && !hasEdit) {
            throw new IllegalArgumentException("an edit of sample " + sampleId + " needs a text or a label");
        }
        if (status != DecisionStatus.EDITED && hasEdit) {
            throw new IllegalArgumentException("only an edit carries a text or a label, not " + status.id());
        }
    }

    /** A decision not yet stored. */
    public static Decision of(long sampleId, DecisionStatus status, String note) {
        return new Decision(0, sampleId, status, null, null, note, null);
    }

    /** An edit not yet stored: the researcher's text or label, or both. */
    public static Decision edit(long sampleId, String editedText, String editedLabel, String note) {
        return new Decision(0, sampleId, DecisionStatus.EDITED, editedText, editedLabel, note, null);
    }
}
