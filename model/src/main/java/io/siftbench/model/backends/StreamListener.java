package io.siftbench.model.backends;

/** Receives a streamed generation as it arrives. */
@FunctionalInterface
public interface StreamListener {

    StreamListener NONE = token -> {};

    /** The next piece of text. */
    void token(String text);

    /** An attempt failed and is retried: the text streamed so far is void and starts over. */
    default void retrying(int nextAttempt, FailureKind cause) {}
}
