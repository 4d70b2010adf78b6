package io.siftbench.model.prompts;

/**
 * One line of the diff between two prompt versions (as prompt files).
 *
 * @param oldLine the line's number in the older version (1-based), 0 for an added line
 * @param newLine the line's number in the newer version (1-based), 0 for a removed line
 */
public record DiffLine(Kind kind, String text, int oldLine, int newLine) {

    /** Whether the line is in both versions, only in the newer one, or only in the older one. */
    public enum Kind {
        SAME,
        ADDED,
        REMOVED
    }
}
