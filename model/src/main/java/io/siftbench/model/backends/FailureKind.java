package io.siftbench.model.backends;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Why a request failed, and whether trying again can help. */
public enum FailureKind {
    /** Nothing listens at the address. */
    REFUSED(true, "connection refused", "connection refused"),
    /** The connection broke or was dropped mid-answer. */
    CONNECTION(true, "connection dropped", "connection dropped"),
    /** No answer within the request timeout. */
    TIMEOUT(true, "timed out", "timed out"),
    /** The server failed (5xx). */
    SERVER_ERROR(true, "server error", "server errors"),
    /** The server wants a valid API key (401, 403). */
    UNAUTHORIZED(false, "not authorized (check the API key)", "not authorized (check the API key)"),
    /** The server refused the request itself (another 4xx): the same request will fail again. */
    CLIENT_ERROR(false, "request refused", "requests refused"),
    /** Anything else (a bad answer, a failure of the in-process model). */
    OTHER(false, "failed", "other errors");

    private final boolean retryable;
    private final String reason;
    private final String reasons;

    FailureKind(boolean retryable, String reason, String reasons) {
        this.retryable = retryable;
        this.reason = reason;
        this.reasons = reasons;
    }

    public boolean retryable() {
        return retryable;
    }

    /** What went wrong, as a failed request's message says it: "timed out", "server error". */
    public String reason() {
        return reason;
    }

    /** {@code count} failures of this kind for people to read: "12 timed out", "3 server errors". */
    public String counted(long count) {
        return count + " " + (count == 1 && this != OTHER ? reason : count == 1 ? "other error" : reasons);
    }

    /**
     * The kind of a failed request from its stored message, which {@link BackendClient} writes as
     * "BACKEND (LOCATION): REASON after N attempts: detail"; a message of another shape is {@link #OTHER}.
     */
    public static FailureKind ofMessage(String message) {
        for (FailureKind kind : values()) {
            if (message != null && message.contains("): " + kind.reason + " after ")) {
                return kind;
            }
        }
        return OTHER;
    }

    /** The kind of {@code error}, looking through its causes for an HTTP status or an I/O failure. */
    public static FailureKind of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return ofStatus(http.statusCode());
            }
            if (t instanceof JsonProcessingException) {
                // An answer that is not the JSON expected: asking again brings the same answer.
                return OTHER;
            }
            if (t instanceof ConnectException) {
                return REFUSED;
            }
            if (t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return TIMEOUT;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return CONNECTION;
            }
        }
        return OTHER;
    }

    public static FailureKind ofStatus(int status) {
        if (status >= 500) {
            return SERVER_ERROR;
        }
        // Every 4xx, 408 and 429 included, is final: the server has judged this request.
        return status == 401 || status == 403 ? UNAUTHORIZED : CLIENT_ERROR;
    }
}
