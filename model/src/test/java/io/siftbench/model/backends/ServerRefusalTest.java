package io.siftbench.model.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ServerRefusalTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void readsRetryAfterInSeconds() {
        assertThat(ServerRefusal.parseRetryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(ServerRefusal.parseRetryAfter(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsRetryAfterAsAnHttpDateCountedFromNow() {
        assertThat(ServerRefusal.parseRetryAfter("Sun, 01 Mar 2026 12:00:45 GMT", NOW))
                .contains(Duration.ofSeconds(45));
        assertThat(ServerRefusal.parseRetryAfter("Sun, 01 Mar 2026 11:59:00 GMT", NOW))
                .as("a date already past asks for no wait")
                .contains(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableRetryAfterAsksForNothing() {
        assertThat(ServerRefusal.parseRetryAfter(null, NOW)).isEmpty();
        assertThat(ServerRefusal.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(ServerRefusal.parseRetryAfter("-5", NOW)).isEmpty();
        assertThat(ServerRefusal.parseRetryAfter("99999999999999999999999", NOW))
                .isEmpty();
    }

    @Test
    void theWaitIsFoundThroughTheCausesAStreamingClientWrapsItIn() {
        ServerRefusal busy = new ServerRefusal(503, "busy", Duration.ofSeconds(2));

        assertThat(ServerRefusal.retryAfterIn(new CompletionException(busy))).contains(Duration.ofSeconds(2));
        assertThat(ServerRefusal.retryAfterIn(new RuntimeException("no refusal")))
                .isEmpty();
        assertThat(FailureKind.of(new CompletionException(busy))).isEqualTo(FailureKind.SERVER_ERROR);
    }
}
