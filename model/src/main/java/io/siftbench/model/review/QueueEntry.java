package io.siftbench.model.review;

import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import java.util.List;
import java.util.Map;

/**
 * One sample as a review queue holds it: what its orders, filters and counts need, about 70 bytes, with its text in
 * the queue's {@link QueueTexts}; the maps, labels and lists are shared between the samples that have the same. The
 * card's whole sample (prompt, raw output, provenance) is read by id when it shows.
 *
 * @param confidence the sample's, or NaN without one
 * @param ownText    whether the text kept is the sample's own (synthesize), not its record's (annotate)
 * @param text       where the text is in the queue's texts
 */
record QueueEntry(
        long sampleId,
        long runId,
        int ordinal,
        Map<String, String> conditions,
        String modelLabel,
        float confidence,
        List<String> votes,
        float voteEntropy,
        boolean valid,
        String error,
        boolean ownText,
        int text,
        Decision decision,
        List<String> flags) {

    QueueEntry withDecision(Decision now) {
        return with(now, flags);
    }

    QueueEntry withFlags(List<String> now) {
        return with(decision, now);
    }

    /** The entry with what a queue changes of it: the decision that counts, the flags raised. */
    private QueueEntry with(Decision nowDecided, List<String> nowFlagged) {
        return new QueueEntry(
                sampleId,
                runId,
                ordinal,
                conditions,
                modelLabel,
                confidence,
                votes,
                voteEntropy,
                valid,
                error,
                ownText,
                text,
                nowDecided,
                nowFlagged);
    }

    /** The status as shown and filtered: a decision status id, or {@value ReviewItem#UNDECIDED}. */
    String state() {
        return decision == null ? ReviewItem.UNDECIDED : decision.status().id();
    }

    /** The label that counts: the researcher's when edited, else the model's. */
    String label() {
        return decision != null && decision.editedLabel() != null ? decision.editedLabel() : modelLabel;
    }

    /** The confidence as the card shows it (two decimals), kept in a float: 4 bytes of the entry's 70 saved. */
    Double confidenceOrNull() {
        return Float.isNaN(confidence) ? null : (double) confidence;
    }

    /** The entry as the screens take it: a sample with what the queue knows of it, its text read back. */
    ReviewItem item(QueueTexts texts) {
        Slot slot = new Slot("", ordinal, null, conditions, List.of(), List.of(), null, null);
        Sample sample = new Sample(
                sampleId,
                runId,
                slot,
                null,
                null,
                null,
                null,
                modelLabel,
                null,
                confidenceOrNull(),
                ownText ? texts.text(text) : null,
                null,
                valid,
                null,
                votes,
                null,
                null,
                null,
                null,
                error,
                null);
        return new ReviewItem(sample, decision, flags);
    }
}
