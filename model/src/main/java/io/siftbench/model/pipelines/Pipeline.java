package io.siftbench.model.pipelines;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * A pipeline: a named list of steps, each a prompt version whose inputs are a dataset, nothing (its condition
 * plan) or the samples of an earlier step. Saved as immutable versions, as prompts are; {@link PipelineFile} reads
 * and checks one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "note", "steps"})
public record Pipeline(String name, String note, List<PipelineStep> steps) {

    public Pipeline {
        note = note == null ? "" : note;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The position of the step called {@code stepName}, if there is one. */
    public OptionalInt indexOf(String stepName) {
        return IntStream.range(0, steps.size())
                .filter(i -> steps.get(i) != null && Objects.equals(steps.get(i).name(), stepName))
                .findFirst();
    }

    /**
     * The earlier steps whose samples step {@code index} continues, nearest first: its input step, that step's
     * input step, and so on to the chain's first step. In a file still being checked the chain ends at an input that
     * names no earlier step.
     */
    public List<PipelineStep> ancestors(int index) {
        List<PipelineStep> out = new ArrayList<>();
        int at = index;
        StepInput input = StepInput.parse(steps.get(at).input()).orElse(null);
        while (input != null && input.kind() == StepInput.Kind.STEP) {
            OptionalInt parent = indexOf(input.step());
            if (parent.isEmpty() || parent.getAsInt() >= at || steps.get(parent.getAsInt()) == null) {
                break;
            }
            at = parent.getAsInt();
            out.add(steps.get(at));
            input = StepInput.parse(steps.get(at).input()).orElse(null);
        }
        return out;
    }

    /** The same pipeline with {@code pinned} as its steps. */
    public Pipeline withSteps(List<PipelineStep> pinned) {
        return new Pipeline(name, note, pinned);
    }
}
