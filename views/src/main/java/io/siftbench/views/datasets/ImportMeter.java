package io.siftbench.views.datasets;

import io.siftbench.model.datasets.ImportStage;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns an import's progress into what the user reads: the fraction done, rows per second and the time
 * left. Where the import reads the file twice, storing takes most of the time, so the second reading counts
 * for most of the bar.
 */
final class ImportMeter {

    private static final double CHECKING_SHARE = 0.25;

    private final long startNanos;
    private long stageStartNanos;
    private ImportStage stage;
    private boolean checked;

    ImportMeter(long startNanos) {
        this.startNanos = startNanos;
        this.stageStartNanos = startNanos;
    }

    /** What one progress report means, as of {@code nowNanos}. */
    record Reading(double fraction, double rowsPerSecond, Duration remaining, String text) {}

    Reading read(ImportStage now, long rows, long bytesRead, long totalBytes, long nowNanos) {
        if (now != stage) {
            // The first stage began when the import did; a later one begins with its first report.
            if (stage != null) {
                stageStartNanos = nowNanos;
            }
            stage = now;
            checked |= now == ImportStage.CHECKING;
        }
        double ofFile = totalBytes <= 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
        // A file read once is only stored; one read twice was checked first.
        double fraction = now == ImportStage.CHECKING
                ? CHECKING_SHARE * ofFile
                : checked ? CHECKING_SHARE + (1 - CHECKING_SHARE) * ofFile : ofFile;
        double stageSeconds = Math.max(1e-3, (nowNanos - stageStartNanos) / 1e9);
        double rate = rows / stageSeconds;
        double elapsed = (nowNanos - startNanos) / 1e9;
        Duration remaining =
                fraction <= 0 ? null : Duration.ofMillis((long) (elapsed * (1 - fraction) / fraction * 1000));
        String text = String.format(
                Locale.ROOT,
                "%s: %,d rows · %,.0f rows/s · %s left",
                now.label(),
                rows,
                rate,
                remaining == null ? "?" : clock(remaining));
        return new Reading(fraction, rate, remaining, text);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
