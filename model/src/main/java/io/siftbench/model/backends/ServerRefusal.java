package io.siftbench.model.backends;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A server's answer with an error status, keeping what langchain4j's own {@link HttpException} drops: how long
 * the server asked us to wait before trying again ({@code Retry-After}), so a busy server is not hammered.
 */
public final class ServerRefusal extends HttpException {

    private final Duration retryAfter;

    /** @param retryAfter the wait the server asked for, or null when it asked for none */
    public ServerRefusal(int status, String body, Duration retryAfter) {
        super(status, body);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The wait asked for by the refusal among {@code failure} and its causes, if any asked for one. */
    public static Optional<Duration> retryAfterIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServerRefusal refusal) {
                return refusal.retryAfter();
            }
        }
        return Optional.empty();
    }

    /**
     * The wait a {@code Retry-After} header asks for: either seconds ({@code 120}) or an HTTP date, counted from
     * {@code now} (a date already past asks for no wait). Empty when the header is absent or unreadable, so that
     * the usual backoff applies.
     */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // more digits than a long holds: no sensible wait
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
