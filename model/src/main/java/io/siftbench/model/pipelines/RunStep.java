package io.siftbench.model.pipelines;

import io.siftbench.model.runs.DialogueTurn;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.StepLink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which pipeline and step a run is, as every screen and the command line name it: "question-answer v1 · step 2
 * answer". The link is in the run's details; the pipeline's name, version and step name are the pipeline run's.
 *
 * @param pipeline the pipeline's name
 * @param version  the pipeline version the pipeline run ran
 * @param index    the step's position in the pipeline, from 0
 * @param name     the step's name
 * @param link     the run's link to its pipeline run and the step it continues
 * @param tree     whether the step grows a topic tree (its runs are levels, not rounds)
 */
public record RunStep(String pipeline, int version, int index, String name, StepLink link, boolean tree) {

    /**
     * "question-answer v1 · step 2 answer": the step counted from 1, as a person counts; a step made of several
     * runs adds which one ("· round 2" of a bootstrap, "· level 2" of a topic tree).
     */
    public String label() {
        return pipeline + " v" + version + " · step " + (index + 1) + " " + name + round();
    }

    /** " · round N" for a round of a bootstrap step, " · level N" for a level of a tree; empty for other steps. */
    public String round() {
        return link.round() == null ? "" : (tree ? " · level " : " · round ") + link.round();
    }

    /** The dialogue turn {@code run} is, if it is a step of a pipeline run that is one. */
    public static Optional<DialogueTurn> turnOf(RunInfo run) {
        return PipelineRunner.linkOf(run).map(StepLink::turn);
    }

    /**
     * The step each of {@code runs} is, by run id; runs outside pipelines (or whose pipeline run is not there) are
     * left out. Each pipeline run is read once, however many of its steps are listed. A dialogue's turns are named
     * as their runs are made ({@link DialogueTurns}): "chat turn 2 (assistant)".
     */
    public static Map<Long, RunStep> of(List<RunInfo> runs, PipelineStore pipelines) {
        Map<Long, Optional<PipelineRun>> read = new HashMap<>();
        Map<Long, RunStep> out = new HashMap<>();
        for (RunInfo run : runs) {
            Optional<StepLink> linked = PipelineRunner.linkOf(run);
            if (linked.isEmpty()) {
                continue;
            }
            StepLink link = linked.get();
            read.computeIfAbsent(link.pipelineRun(), pipelines::findRun)
                    .map(p -> new StoredPipelineSteps(
                            p, DialogueTurns.unrolled(p.pipeline().pipeline())))
                    .filter(p -> link.step() < p.steps().steps().size())
                    .ifPresent(p -> out.put(
                            run.id(),
                            new RunStep(
                                    p.run().pipeline().name(),
                                    p.run().pipeline().version(),
                                    link.step(),
                                    p.steps().steps().get(link.step()).name(),
                                    link,
                                    p.steps().steps().get(link.step()).tree() != null)));
        }
        return out;
    }

    /** A pipeline run with the steps its runs are made of. */
    private record StoredPipelineSteps(PipelineRun run, Pipeline steps) {}
}
