package io.siftbench.model.runs;

import java.util.List;

/**
 * Where a run stands in a pipeline run: which pipeline run and step it is, and which earlier step's samples it
 * continues. Kept in the run's details, so that the link is stored in the run's own insert and a resume plans
 * from it alone.
 *
 * @param pipelineRun the pipeline run this run is a step of
 * @param step        the step's position in the pipeline, from 0
 * @param parentRun   the run of the earlier step whose samples this step continues; null for a first step
 * @param parentUpTo  the id of the parent run's newest answered sample when this run was made: the step reads
 *                    the valid samples up to it, so that its plan stays the same on every resume (answered samples
 *                    are never replaced)
 * @param parentIds   the samples this step continues when it does not take every valid sample: the accepted ones
 *                    (the decisions in force when the run was made), or a dialogue turn's conversations that are
 *                    not over; fixed here so that a later decision does not change a started plan; empty when it
 *                    takes every valid sample
 * @param turn        the dialogue turn this run is, or null for a step that is no dialogue's
 * @param round       for a step that runs in rounds or levels (a bootstrap's rounds, a topic tree's levels), which
 *                    one this run is, from 1; null for a step made of one run
 */
public record StepLink(
        long pipelineRun,
        int step,
        Long parentRun,
        Long parentUpTo,
        List<Long> parentIds,
        DialogueTurn turn,
        Integer round) {

    public StepLink {
        parentIds = parentIds == null ? List.of() : List.copyOf(parentIds);
    }

    /** The link of a step made of one run that is no dialogue's turn. */
    public StepLink(long pipelineRun, int step, Long parentRun, Long parentUpTo, List<Long> parentIds) {
        this(pipelineRun, step, parentRun, parentUpTo, parentIds, null, null);
    }

    /** The link of a dialogue's turn {@code turn} (null for a step that is no dialogue's), made of one run. */
    public StepLink(
            long pipelineRun, int step, Long parentRun, Long parentUpTo, List<Long> parentIds, DialogueTurn turn) {
        this(pipelineRun, step, parentRun, parentUpTo, parentIds, turn, null);
    }

    /** The same link for round (or level) {@code number} of its step. */
    public StepLink inRound(int number) {
        return new StepLink(pipelineRun, step, parentRun, parentUpTo, parentIds, turn, number);
    }

    /** Whether the step continues an earlier step's samples. */
    public boolean continuesAStep() {
        return parentRun != null;
    }
}
