package io.siftbench.model.student;

import java.util.Objects;

/**
 * One text with the label the student learns from or is tested against: an accepted sample with its final label,
 * or a dataset record with its gold label.
 *
 * @param id    the sample's id ({@code #id}) or the record's id in its dataset
 * @param text  what the student reads
 * @param label the label it is taught, or the gold label it is scored against
 */
public record LabelledText(long id, String text, String label) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
