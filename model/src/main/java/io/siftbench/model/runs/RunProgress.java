package io.siftbench.model.runs;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a run has come in this session: samples done of the total (counting those done before a resume),
 * failures, tokens, and the time this session has taken, from which rates and the ETA follow.
 */
public record RunProgress(int done, int total, int failures, long tokens, int doneThisSession, Duration elapsed) {

    public double samplesPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : doneThisSession / seconds;
    }

    public double tokensPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : tokens / seconds;
    }

    /** One line for the Runs screen, the status bar and the command line's stderr. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(done)
                .append(" / ")
                .append(total)
                .append(" samples")
                .append(String.format(
                        Locale.ROOT, " · %.1f samples/s · %.0f tokens/s", samplesPerSecond(), tokensPerSecond()));
        Duration left = eta();
        if (left != null && done < total) {
            text.append(" · ETA ").append(human(left));
        }
        if (failures > 0) {
            text.append(" · ").append(failures).append(failures == 1 ? " error" : " errors");
        }
        return text.toString();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** The time left at the rate so far, or null before the first sample. */
    public Duration eta() {
        double rate = samplesPerSecond();
        return rate <= 0 ? null : Duration.ofMillis((long) ((total - done) / rate * 1000));
    }
}
