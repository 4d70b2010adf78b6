package io.siftbench.model.pipelines;

import java.util.Optional;

/**
 * Where a step's inputs come from, as the pipeline file's {@code input} says it: {@code dataset} (the records of
 * the dataset the pipeline run is given: the step annotates), {@code none} (its condition plan makes the slots:
 * the step synthesizes) or {@code step:NAME} (the samples of an earlier step, each continued once).
 *
 * @param step the earlier step's name for {@link Kind#STEP}, else null
 */
public record StepInput(Kind kind, String step) {

    public enum Kind {
        DATASET,
        NONE,
        STEP
    }

    private static final String STEP_PREFIX = "step:";

    /** The input {@code text} names, or empty when it is none of the three forms. */
    public static Optional<StepInput> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text) {
            case "dataset" -> Optional.of(new StepInput(Kind.DATASET, null));
            case "none" -> Optional.of(new StepInput(Kind.NONE, null));
            default ->
                text.startsWith(STEP_PREFIX) && text.length() > STEP_PREFIX.length()
                        ? Optional.of(new StepInput(Kind.STEP, text.substring(STEP_PREFIX.length())))
                        : Optional.empty();
        };
    }
}
