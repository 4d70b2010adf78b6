package io.siftbench.model.prompts;

import java.util.Locale;
import java.util.Optional;

/**
 * What a prompt may be called, and how a name is shown in a message. A name is 1 to {@link #MAX_LENGTH}
 * characters, not blank ({@link PromptVersion} refuses a blank one), without {@code @} (which separates name and version in {@code NAME@V}) and without
 * control or invisible formatting characters (an escape sequence in a name would drive the terminal that
 * prints it).
 */
public final class PromptNames {

    public static final int MAX_LENGTH = 100;
    /** How much of a name a message quotes. */
    private static final int SHOWN = 40;

    private PromptNames() {}

    /** What is wrong with {@code name}, if anything, in the words of a prompt file's {@code name} field. */
    public static Optional<String> problem(String name) {
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return Optional.of(
                    String.format(Locale.ROOT, "a prompt name has at most %d characters, not %,d", MAX_LENGTH, length));
        }
        int at = 1;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i)), at++) {
            int c = name.codePointAt(i);
            if (c == '@') {
                return Optional.of("a prompt name cannot contain '@' (character " + at
                        + "): it separates the name from the version in NAME@V");
            }
            if (hidden(c)) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "a prompt name cannot contain control characters (U+%04X at character %d)",
                        c,
                        at));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code name} as a message quotes it: control characters written as {@code \\uXXXX} and at most 40
     * characters, so that a name saved before these rules cannot flood or drive the terminal.
     */
    public static String shown(String name) {
        StringBuilder s = new StringBuilder();
        int count = 0;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            if (++count > SHOWN) {
                return s.append('…').toString();
            }
            int c = name.codePointAt(i);
            if (hidden(c)) {
                s.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                s.appendCodePoint(c);
            }
        }
        return s.toString();
    }

    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
