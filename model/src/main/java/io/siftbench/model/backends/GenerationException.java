package io.siftbench.model.backends;

/** A request that failed for good: after its last retry, or at once where retrying cannot help. */
public final class GenerationException extends RuntimeException {

    private final FailureKind kind;
    private final int attempts;

    public GenerationException(FailureKind kind, int attempts, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.attempts = attempts;
    }

    public FailureKind kind() {
        return kind;
    }

    public int attempts() {
        return attempts;
    }
}
