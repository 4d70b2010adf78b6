package io.siftbench.model.prompts;

/**
 * One Mustache tag of a template, where it is and whether the template can resolve it.
 *
 * @param name  the key, e.g. {@code condition.tone}; for a closing tag the section it closes
 * @param kind  what the tag does
 * @param start offset of the first brace
 * @param end   offset just after the last brace
 * @param known false for a name nothing in the prompt provides (a typo, a missing condition or column),
 *              and for tags that are not allowed (partials, parents and blocks)
 */
public record Placeholder(String name, Kind kind, int start, int end, boolean known) {

    /** What a tag does. */
    public enum Kind {
        VARIABLE,
        SECTION,
        INVERTED_SECTION,
        CLOSE,
        COMMENT,
        PARTIAL,
        BLOCK,
        DELIMITERS
    }
}
