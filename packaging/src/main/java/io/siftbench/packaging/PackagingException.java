package io.siftbench.packaging;

/** A packaging step failed; the message says which step and why, including the tool's own output. */
public final class PackagingException extends RuntimeException {

    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
