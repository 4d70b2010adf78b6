package io.siftbench.model.export;

import java.util.Set;

/**
 * Keeps what the model was shown, or what the researcher evaluates on, out of the training data.
 *
 * @param demonstrationIds per run's input dataset: the records shown as demonstrations in the run
 * @param demonstrationHashes normalised hashes of the demonstrations' texts
 * @param evaluationHashes normalised hashes of the evaluation dataset's texts (empty when none is marked)
 */
record LeakageGuard(Set<Long> demonstrationIds, Set<String> demonstrationHashes, Set<String> evaluationHashes) {

    /** The record was a demonstration in its run: by record id (annotate) or by its text. */
    boolean wasDemonstration(ExportRecord record) {
        Long recordId = record.sample().slot().recordId();
        return recordId != null && demonstrationIds.contains(recordId)
                || record.classifiedText() != null
                        && demonstrationHashes.contains(TextHash.of(record.classifiedText()));
    }

    /** The record's text is in the evaluation set, however it was re-typed. */
    boolean inEvaluationSet(ExportRecord record) {
        return !evaluationHashes.isEmpty() && (hit(record.input()) || hit(record.output()));
    }

    private boolean hit(String text) {
        return text != null && evaluationHashes.contains(TextHash.of(text));
    }
}
