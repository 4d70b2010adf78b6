package io.siftbench.views.runs;

import io.siftbench.model.runs.RunProgress;

import java.time.Duration;
import java.util.Locale;

/** Run progress as one line for the Runs screen and the status bar. */
public final class RunProgressText {

    private RunProgressText() {
    }

    public static String describe(RunProgress p) {
        StringBuilder text = new StringBuilder()
                .append(p.done()).append(" / ").append(p.total()).append(" samples")
                .append(String.format(Locale.ROOT, " · %.1f samples/s · %.0f tokens/s", p.samplesPerSecond(),
                        p.tokensPerSecond()));
        Duration eta = p.eta();
        if (eta != null && p.done() < p.total()) {
            text.append(" · ETA ").append(duration(eta));
        }
        if (p.failures() > 0) {
            text.append(" · ").append(p.failures()).append(p.failures() == 1 ? " error" : " errors");
        }
        return text.toString();
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
