package io.siftbench.model.export;

/**
 * A preference pair: for the same prompt, the answer the researcher (or a pipeline step) chose over another.
 *
 * @param source   {@code compare} (a preference recorded in Compare), {@code pipeline} (a pipeline step's sample
 *                 over its chain's sample of an earlier step: the refined text over its draft) or {@code edit}
 *                 (the researcher's version chosen over the model's original)
 * @param record   the chosen sample, which decides the pair's filters, leakage and split
 * @param rejectedSampleId the sample not chosen (the edited sample itself for an edit)
 * @param prompt   every message the model got, as one text (for a pipeline pair, the earlier step's request)
 */
public record PreferencePair(
        String source, ExportRecord record, long rejectedSampleId, String prompt, String chosen, String rejected) {

    public static final String FROM_COMPARE = "compare";
    public static final String FROM_PIPELINE = "pipeline";
    public static final String FROM_EDIT = "edit";

    public PreferencePair in(Split split) {
        return new PreferencePair(source, record.in(split), rejectedSampleId, prompt, chosen, rejected);
    }
}
