package io.siftbench.model.project;

/** A failure whose message is written for the user: it says what was wrong and where. */
public class ProjectException extends RuntimeException {

    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
