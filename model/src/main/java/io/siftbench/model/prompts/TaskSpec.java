package io.siftbench.model.prompts;

import java.util.List;

/**
 * The task specification: who the model is, what it should do, how it should answer and, for
 * annotation, the label set and whether a rationale and a confidence are wanted (not unless asked).
 */
public record TaskSpec(String role, String purpose, String format, List<Label> labels,
                       Boolean rationale, Boolean confidence) {

    public TaskSpec {
        role = role == null ? "" : role;
        purpose = purpose == null ? "" : purpose;
        format = format == null ? "" : format;
        labels = labels == null ? List.of() : List.copyOf(labels);
        rationale = rationale != null && rationale;
        confidence = confidence != null && confidence;
    }
}
