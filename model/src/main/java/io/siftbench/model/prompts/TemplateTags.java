package io.siftbench.model.prompts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The tags of a template read exactly as the renderer (JMustache) reads them, delimiter switches
 * ({@code {{=<% %>=}}}) included, so that the placeholder check sees the names the renderer will look up. Reading
 * also finds what the renderer would pass over silently or die on: a tag that is never closed (the renderer
 * sends it as text), an empty tag, a malformed delimiter switch, sections that are not closed in order, and
 * sections nested deeper than {@link #MAX_DEPTH} (the renderer recurses once per level). It is one loop over the text, never recursive, so
 * any input is read in constant stack.
 */
final class TemplateTags {

    /** How deep sections may nest; far beyond what a prompt needs, far below what overflows a thread's stack. */
    static final int MAX_DEPTH = 50;

    /** One tag: what it does, the name it uses, and where it is (offset of its first delimiter, offset after its last). */
    record Tag(Placeholder.Kind kind, String name, int start, int end) {}

    private final String template;
    private final List<Tag> tags = new ArrayList<>();
    private String open = "{{";
    private String close = "}}";
    /** The sections open where reading is, innermost first. */
    private final Deque<Tag> sections = new ArrayDeque<>();

    private int deepest;
    private int deepestAt;
    private String problem;
    /** Whether {@link #problem} is one the renderer fails on too, rather than one it passes over. */
    private boolean renderFails;

    private TemplateTags(String template) {
        this.template = template;
    }

    static TemplateTags read(String template) {
        TemplateTags read = new TemplateTags(template);
        read.scan();
        return read;
    }

    /** Every complete tag in order of appearance, up to the first problem of the template's syntax. */
    List<Tag> tags() {
        return tags;
    }

    /** The first thing that makes the template unusable as written (see the class comment), if any. */
    Optional<String> problem() {
        return nesting().or(() -> Optional.ofNullable(problem));
    }

    /**
     * What the renderer could not render at all: sections nested beyond {@link #MAX_DEPTH} (its stack would
     * overflow) or an empty tag. A version saved before these checks may have one, and is refused only then.
     */
    Optional<String> unrenderable() {
        return nesting().or(() -> Optional.ofNullable(renderFails ? problem : null));
    }

    private Optional<String> nesting() {
        return deepest <= MAX_DEPTH
                ? Optional.empty()
                : Optional.of("sections nest " + deepest + " deep at " + where(deepestAt) + "; at most " + MAX_DEPTH
                        + " are allowed");
    }

    // The states of JMustache's parser (Mustache.Parser), whose reading of a template this one repeats.
    private static final int TEXT = 0;
    private static final int MATCHING_START = 1;
    private static final int TAG = 2;
    private static final int MATCHING_END = 3;

    private void scan() {
        int state = TEXT;
        int tagStart = 0;
        StringBuilder content = new StringBuilder();
        int i = 0;
        while (i < template.length() && problem == null) {
            char c = template.charAt(i);
            switch (state) {
                case TEXT -> {
                    if (c == open.charAt(0)) {
                        tagStart = i;
                        content.setLength(0);
                        state = open.length() == 1 ? TAG : MATCHING_START;
                    }
                    i++;
                }
                case MATCHING_START -> {
                    if (c == open.charAt(1)) {
                        state = TAG;
                        i++;
                    } else {
                        state = TEXT; // the character is read again as text
                    }
                }
                case TAG -> {
                    if (c == close.charAt(0) && close.length() == 1) {
                        i = complete(content, tagStart, i + 1);
                        state = TEXT;
                    } else if (c == close.charAt(0)) {
                        state = MATCHING_END;
                        i++;
                    } else if (c == open.charAt(0) && !content.isEmpty() && content.charAt(0) != '!') {
                        // The renderer gives up on the tag begun before and starts a new one here: the first is
                        // sent as text, which is never what its author meant.
                        problem = unclosed(tagStart, i);
                    } else {
                        content.append(c);
                        i++;
                    }
                }
                case MATCHING_END -> {
                    if (c == close.charAt(1)) {
                        i = complete(content, tagStart, i + 1);
                        state = TEXT;
                    } else {
                        content.append(close.charAt(0));
                        state = TAG; // the character is read again inside the tag
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        if (problem == null && (state == TAG || state == MATCHING_END)) {
            problem = unclosed(tagStart, template.length());
        }
        if (problem == null && !sections.isEmpty()) {
            Tag section = sections.peek();
            problem = "'" + written(section) + "' at " + where(section.start()) + " is never closed: add " + open + "/"
                    + section.name() + close;
        }
    }

    /** Adds the tag {@code content} closed at {@code end}; returns the offset reading goes on from. */
    private int complete(StringBuilder content, int start, int end) {
        if (content.toString().isBlank()) {
            problem = "the tag at " + where(start) + " is empty: write a name between " + open + " and " + close;
            renderFails = true;
            return end;
        }
        if (content.charAt(0) == '=') {
            String switched = content.length() > 1 && content.charAt(content.length() - 1) == '='
                    ? content.substring(1, content.length() - 1)
                    : "";
            String[] delimiters = switched.split(" ");
            if (delimiters.length != 2 || !isDelimiter(delimiters[0]) || !isDelimiter(delimiters[1])) {
                problem = "the delimiter switch at " + where(start) + " must look like " + open + "=<% %>=" + close
                        + ": two delimiters of one or two characters, one space between them";
                return end;
            }
            tags.add(new Tag(Placeholder.Kind.DELIMITERS, switched, start, end));
            open = delimiters[0];
            close = delimiters[1];
            return end;
        }
        if (open.equals("{{") && close.equals("}}") && content.charAt(0) == '{') {
            // A triple mustache, {{{name}}}: the renderer wants a third closing brace.
            if (end >= template.length() || template.charAt(end) != '}') {
                problem = "the tag at " + where(start) + " opens with {{{ but does not end with }}}";
                return end;
            }
            tags.add(new Tag(Placeholder.Kind.VARIABLE, content.substring(1).trim(), start, end + 1));
            return end + 1;
        }
        String tag = content.toString().trim();
        char sigil = tag.charAt(0);
        Placeholder.Kind kind =
                switch (sigil) {
                    case '#' -> Placeholder.Kind.SECTION;
                    case '^' -> Placeholder.Kind.INVERTED_SECTION;
                    case '/' -> Placeholder.Kind.CLOSE;
                    case '!' -> Placeholder.Kind.COMMENT;
                    case '>', '<' -> Placeholder.Kind.PARTIAL;
                    case '$' -> Placeholder.Kind.BLOCK;
                    case '&' -> Placeholder.Kind.VARIABLE;
                    default -> null;
                };
        tags.add(
                kind == null
                        ? new Tag(Placeholder.Kind.VARIABLE, tag, start, end)
                        : new Tag(kind, tag.substring(1).trim(), start, end));
        Tag added = tags.get(tags.size() - 1);
        if (kind != null && "#^$<".indexOf(sigil) >= 0) {
            // Sections, inverted sections, blocks and parents each open a level the renderer recurses into.
            sections.push(added);
            if (sections.size() > deepest) {
                deepest = sections.size();
                deepestAt = start;
            }
        } else if (kind == Placeholder.Kind.CLOSE) {
            Tag section = sections.poll();
            if (section == null) {
                problem = "'" + written(added) + "' at " + where(start) + " closes no section";
            } else if (!section.name().equals(added.name())) {
                problem = "'" + written(added) + "' at " + where(start) + " does not close '" + written(section)
                        + "' at " + where(section.start()) + "; close that one first";
            }
        }
        return end;
    }

    private static boolean isDelimiter(String d) {
        return !d.isEmpty() && d.length() <= 2;
    }

    private String unclosed(int start, int end) {
        return "the tag '" + written(start, end) + "' at " + where(start) + " is not closed with " + close;
    }

    private String written(Tag tag) {
        return written(tag.start(), tag.end());
    }

    /** The text from {@code start} to {@code end} as the template has it, its first line and at most 30 characters. */
    private String written(int start, int end) {
        String written =
                template.substring(start, end).lines().findFirst().orElse("").stripTrailing();
        return written.length() > 30 ? written.substring(0, 30) + "…" : written;
    }

    /** "line L, column C" of {@code offset}, both from 1. */
    private String where(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (template.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }
}
