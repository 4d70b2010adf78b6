package io.siftbench.views.pipelines;

import io.siftbench.model.backends.ServerDetection;
import io.siftbench.model.runs.Sample;
import java.util.List;

/**
 * What a preview through the chain made: one chain per slot of a first step, each with its samples step by step.
 *
 * @param detection the server found and saved before the first request; null where the backend was not probed
 */
public record ChainPreview(List<Chain> chains, ServerDetection detection) {

    public ChainPreview {
        chains = List.copyOf(chains);
    }

    /** One slot's way through the pipeline: its sample of each step it reached, in step order. */
    public record Chain(List<Link> links) {

        public Chain {
            links = List.copyOf(links);
        }
    }

    /** A step's sample in a chain; its slot holds the prompt as rendered with the earlier steps' outputs. */
    public record Link(int step, String stepName, Sample sample) {}
}
