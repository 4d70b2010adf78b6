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
    REFUSED(true),
    /** The connection broke or was dropped mid-answer. */
    CONNECTION(true),
    /** No answer within the request timeout. */
    TIMEOUT(true),
    /** The server failed (5xx). */
    SERVER_ERROR(true),
    /** The server wants a valid API key (401, 403). */
    UNAUTHORIZED(false),
    /** The server refused the request itself (another 4xx): the same request will fail again. */
    CLIENT_ERROR(false),
    /** Anything else (a bad answer, a failure of the in-process model). */
    OTHER(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
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
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
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
