package io.siftbench.model.backends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    @Test
    void connectionErrorsServerErrorsAndTimeoutsAreRetried() {
        assertThat(FailureKind.of(new CompletionException(new ConnectException("Connection refused"))))
                .isEqualTo(FailureKind.REFUSED);
        assertThat(FailureKind.of(new UncheckedIOException(new IOException("closed mid-answer"))))
                .isEqualTo(FailureKind.CONNECTION);
        assertThat(FailureKind.of(new InternalServerException(new HttpException(503, "busy"))))
                .isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(FailureKind.of(new RuntimeException(new HttpTimeoutException("request timed out"))))
                .isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureKind.of(new TimeoutException("no answer"))).isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureKind.REFUSED.retryable()
                        && FailureKind.CONNECTION.retryable()
                        && FailureKind.SERVER_ERROR.retryable()
                        && FailureKind.TIMEOUT.retryable())
                .isTrue();
    }

    @Test
    void everyFourHundredIsFinal() {
        for (int status : new int[] {400, 401, 403, 404, 408, 422, 429}) {
            FailureKind kind = FailureKind.of(new RuntimeException(new HttpException(status, "no")));
            assertThat(kind.retryable()).as("HTTP " + status).isFalse();
        }
        assertThat(FailureKind.ofStatus(401)).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(FailureKind.ofStatus(404)).isEqualTo(FailureKind.CLIENT_ERROR);
    }

    @Test
    void anAnswerThatIsNotJsonIsNotAConnectionError() {
        assertThat(FailureKind.of(new UncheckedIOException(new JsonParseException(null, "Unexpected '<'"))))
                .isEqualTo(FailureKind.OTHER);
        assertThat(FailureKind.OTHER.retryable()).isFalse();
    }

    @Test
    void theKindIsReadBackFromAStoredFailureMessage() {
        assertThat(FailureKind.ofMessage(
                        "Ollama (http://127.0.0.1:11434): timed out after 4 attempts: no answer " + "within 120000 ms"))
                .isEqualTo(FailureKind.TIMEOUT);
        assertThat(FailureKind.ofMessage("vLLM (http://gpu:8000/v1): server error after 1 attempt: the server asked "
                        + "to wait 30 s, longer than the request timeout of 5 s"))
                .isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(FailureKind.ofMessage("something else entirely")).isEqualTo(FailureKind.OTHER);
        assertThat(FailureKind.ofMessage(null)).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void countsReadAsPeopleWriteThem() {
        assertThat(FailureKind.TIMEOUT.counted(12)).isEqualTo("12 timed out");
        assertThat(FailureKind.SERVER_ERROR.counted(1)).isEqualTo("1 server error");
        assertThat(FailureKind.SERVER_ERROR.counted(3)).isEqualTo("3 server errors");
        assertThat(FailureKind.OTHER.counted(1)).isEqualTo("1 other error");
        assertThat(FailureKind.OTHER.counted(2)).isEqualTo("2 other errors");
    }
}
