package io.siftbench.model.student;

import io.siftbench.model.insights.SampleText;

/**
 * Which of a sample's values the student reads as its text and learns as its label.
 *
 * @param text  a synthesize run's output field to read; null for the sample's text (an annotate run's record text)
 * @param label an output field or condition that holds the label (a synthesize run's {@code intent} condition);
 *              null for the label the run knows (the model's label, or the researcher's where they changed it)
 */
public record SampleFields(String text, String label) {

    public static final SampleFields DEFAULT = new SampleFields(null, null);

    /** The sample's text as the student reads it; null where the field is missing. */
    String textOf(SampleText sample) {
        return text == null ? sample.text() : sample.fields().get(text);
    }

    /** The sample's label as the student learns it: the field, then the condition of that name; null if neither. */
    String labelOf(SampleText sample) {
        if (label == null) {
            return sample.label();
        }
        String field = sample.fields().get(label);
        return field != null ? field : sample.conditions().get(label);
    }
}
