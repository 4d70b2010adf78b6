package io.siftbench.views.shell;

/** Something the user must be told about: a heading and a message that says what was wrong and where. */
public record Problem(String heading, String message) {

    /** The message of {@code error} as the user should read it, never a bare class name. */
    public static Problem of(String heading, Throwable error) {
        String message = error.getMessage();
        return new Problem(heading, message == null || message.isBlank() ? error.toString() : message);
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
