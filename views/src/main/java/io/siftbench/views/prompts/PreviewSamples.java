package io.siftbench.views.prompts;

import io.siftbench.model.backends.ServerDetection;
import io.siftbench.model.runs.Sample;
import java.util.List;

/**
 * What a preview made: its samples, and what the first use of its backend found out about the server.
 *
 * @param detection the server found and saved before the first request; null where the backend was not probed
 */
public record PreviewSamples(List<Sample> samples, ServerDetection detection) {

    public PreviewSamples {
        samples = List.copyOf(samples);
    }
}
