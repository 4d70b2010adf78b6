package io.siftbench.model.project;

/**
 * One write to a project that a screen showing it may have to follow: what kind of thing changed, and the run it
 * belongs to where the writer knows it ({@link #ANY_RUN} where not: a decision is stored by sample).
 */
public record ProjectChange(Kind kind, long runId) {

    /** The run id of a change that is not about one known run. */
    public static final long ANY_RUN = 0;

    /** What was written. */
    public enum Kind {
        /** A run was created, or its status changed (started, finished, cancelled, interrupted). */
        RUNS,
        /** A sample of a run was stored. */
        SAMPLES,
        /** Decisions were made, undone or redone. */
        DECISIONS,
        /** A prompt version was saved. */
        PROMPTS,
        /** A dataset was imported, renamed, given roles or deleted. */
        DATASETS,
        /** A preference between two samples was recorded. */
        PREFERENCES,
        /** A pipeline version was saved. */
        PIPELINES
    }

    public static ProjectChange of(Kind kind) {
        return new ProjectChange(kind, ANY_RUN);
    }
}
