package io.siftbench.model.student;

import java.util.Locale;

/**
 * What the student thinks of one sample's label, from a student that never saw the sample (k-fold).
 *
 * @param id                   the sample's (or record's) id
 * @param label                the label it carries
 * @param labelProbability     the out-of-fold probability of that label
 * @param suggested            the label the student finds most likely
 * @param suggestedProbability its probability
 * @param doubted              whether the label is in doubt: its probability is below the label's own threshold
 *                             (the mean probability the student gives the label on the samples that carry it) and
 *                             another label is more likely
 */
public record LabelDoubt(
        long id,
        String label,
        double labelProbability,
        String suggested,
        double suggestedProbability,
        boolean doubted) {

    /** "student suggests card_arrival (0.81) over card_linking (0.06)". */
    public String reason() {
        return String.format(
                Locale.ROOT,
                "student suggests %s (%.2f) over %s (%.2f)",
                suggested,
                suggestedProbability,
                label,
                labelProbability);
    }
}
