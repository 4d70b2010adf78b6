package io.siftbench.views.shell;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Something the user must be told about: a heading and a message that says what was wrong and where.
 *
 * @param details what a bug report needs and a user rarely reads (the stack trace), one click away; null when the
 *     message says it all
 */
public record Problem(String heading, String message, String details) {

    public Problem(String heading, String message) {
        this(heading, message, null);
    }

    /** The message of {@code error} as the user should read it, never a bare class name, and its stack trace. */
    public static Problem of(String heading, Throwable error) {
        String message = error.getMessage();
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return new Problem(
                heading, message == null || message.isBlank() ? error.toString() : message, trace.toString());
    }

    /** The first line of {@code text}: what a status line shows of a longer message. */
    public static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }

    /** What went wrong in {@code error}, in the one line a screen's status line shows. */
    public static String firstLine(Throwable error) {
        return firstLine(error.getMessage() == null ? error.toString() : error.getMessage());
    }
}
