package io.siftbench.model.pipelines;

import java.util.List;

/** The researcher's edits of the topic trees of a project's pipeline runs; only ever added to. */
public interface TreeEditStore {

    /** Commits {@code edit} of the tree of step {@code step} of pipeline run {@code pipelineRun}. */
    void add(long pipelineRun, int step, TreeEdit edit);

    /** The edits of that tree, oldest first. */
    List<TreeEdit> list(long pipelineRun, int step);
}
