package io.siftbench.model.pipelines;

import java.util.List;
import java.util.Optional;

/**
 * The pipelines of one project, their immutable versions and their runs. Saving always makes the next version;
 * nothing changes or removes an old one, so every pipeline run can show what it ran.
 */
public interface PipelineStore {

    /**
     * Saves {@code pipeline} as version n+1 of the pipeline of its name (1 for a new one), every step's prompt
     * pinned to a version ({@link PipelinePrompts}).
     *
     * @throws PipelineFileException naming the step and field when the pipeline does not fit the project's prompts;
     *     nothing is stored then
     */
    StoredPipeline save(Pipeline pipeline);

    /** The newest version of every pipeline, ordered by name. */
    List<StoredPipeline> list();

    /** Every version of the pipeline {@code name}, oldest first; empty when there is no such pipeline. */
    List<StoredPipeline> versions(String name);

    /** @throws io.siftbench.model.project.ProjectException when there is no such version */
    StoredPipeline load(long versionId);

    /** Stores a new run of pipeline version {@code versionId} and returns its id; its steps' runs come later. */
    long createRun(long versionId, PipelineSettings settings);

    Optional<PipelineRun> findRun(long pipelineRunId);
}
