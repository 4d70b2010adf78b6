package io.siftbench.model.pipelines;

import io.siftbench.model.runs.DialogueTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps a pipeline's runs are made of: its steps, each dialogue step unrolled into one step per turn, the
 * first reading what the dialogue reads and each later one the turn before. A turn is then an ordinary step's run,
 * so a kill at any moment resumes exactly as any pipeline run does. A dialogue is its pipeline's last step
 * ({@link PipelineFile}), so the steps before it keep their positions.
 */
public final class DialogueTurns {

    private DialogueTurns() {}

    /** {@code pipeline} as its runs are made: each dialogue step replaced by its turns, in order. */
    public static Pipeline unrolled(Pipeline pipeline) {
        List<PipelineStep> steps = new ArrayList<>();
        for (PipelineStep step : pipeline.steps()) {
            if (step.dialogue() == null) {
                steps.add(step);
                continue;
            }
            StepDialogue dialogue = step.dialogue();
            for (int number = 1; number <= dialogue.turnLimit(); number++) {
                steps.add(new PipelineStep(
                        name(step.name(), number),
                        dialogue.promptOf(number),
                        number == 1 ? step.input() : "step:" + name(step.name(), number - 1),
                        number == 1 ? step.select() : null,
                        step.backend(),
                        step.model(),
                        step.parameters(),
                        null));
            }
        }
        return pipeline.withSteps(steps);
    }

    /** The dialogue turn that the run of step {@code index} of {@code unrolled(pipeline)} is, if it is one. */
    public static Optional<DialogueTurn> turnOf(Pipeline pipeline, int index) {
        int at = 0;
        for (PipelineStep step : pipeline.steps()) {
            int runs = step.dialogue() == null ? 1 : step.dialogue().turnLimit();
            if (index < at + runs) {
                return step.dialogue() == null
                        ? Optional.empty()
                        : Optional.of(new DialogueTurn(
                                step.name(), index - at + 1, step.dialogue().stop()));
            }
            at += runs;
        }
        return Optional.empty();
    }

    /**
     * "chat turn 2 (assistant)": how a turn's run is named on every screen, and the key its samples have among the
     * earlier steps a later turn's template sees (no step of a file can be called so: a step name has no spaces).
     */
    static String name(String dialogue, int number) {
        return dialogue + " turn " + number + " (" + new DialogueTurn(dialogue, number, null).role() + ")";
    }
}
