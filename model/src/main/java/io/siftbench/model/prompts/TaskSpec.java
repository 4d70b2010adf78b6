package io.siftbench.model.prompts;

import java.util.List;
import java.util.Optional;

/**
 * The task specification: who the model is, what it should do, how it should answer and, for
 * annotation, the label set and whether a rationale and a confidence are wanted (not unless asked).
 */
public record TaskSpec(
        String role, String purpose, String format, List<Label> labels, Boolean rationale, Boolean confidence) {

    public TaskSpec {
        role = role == null ? "" : role;
        purpose = purpose == null ? "" : purpose;
        format = format == null ? "" : format;
        labels = labels == null ? List.of() : List.copyOf(labels);
        rationale = rationale != null && rationale;
        confidence = confidence != null && confidence;
    }

    /**
     * The label an answer names: the model is shown verbalizers, so an answer is matched against them first,
     * then against the names; case and surrounding blanks do not matter.
     */
    public Optional<Label> labelOf(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String a = answer.strip();
        return labels.stream()
                .filter(l -> l.verbalizer().equalsIgnoreCase(a))
                .findFirst()
                .or(() -> labels.stream()
                        .filter(l -> l.name().equalsIgnoreCase(a))
                        .findFirst());
    }
}
