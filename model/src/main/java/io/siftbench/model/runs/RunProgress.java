package io.siftbench.model.runs;

import java.time.Duration;

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

    /** The time left at the rate so far, or null before the first sample. */
    public Duration eta() {
        double rate = samplesPerSecond();
        return rate <= 0 ? null : Duration.ofMillis((long) ((total - done) / rate * 1000));
    }
}
