package io.siftbench.model.prompts;

import java.util.Objects;

/**
 * One allowed label of an annotation task.
 *
 * @param name        the label as stored with a sample (e.g. {@code card_arrival})
 * @param description what the label means, for the model and for the researcher
 * @param verbalizer  the word the model is shown for the label; the name where none is given
 */
public record Label(String name, String description, String verbalizer) {

    public Label {
        Objects.requireNonNull(name, "a label needs a name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a label needs a name");
        }
        description = description == null ? "" : description;
        verbalizer = verbalizer == null || verbalizer.isBlank() ? name : verbalizer;
    }
}
