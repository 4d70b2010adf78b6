package io.siftbench.model.backends;

/** A request that failed for good: after its last retry, or at once where retrying cannot help. */
public final class GenerationException extends RuntimeException {

    private final FailureKind kind;
    private final int attempts;
    private final String endpoint;

    public GenerationException(FailureKind kind, int attempts, String message, Throwable cause) {
        this(kind, attempts, message, cause, null);
    }

    /** @param endpoint the server the last attempt went to, or null where none was reached */
    public GenerationException(FailureKind kind, int attempts, String message, Throwable cause, String endpoint) {
        super(message, cause);
        this.kind = kind;
        this.attempts = attempts;
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    public FailureKind kind() {
        return kind;
    }

    public int attempts() {
        return attempts;
    }
}
