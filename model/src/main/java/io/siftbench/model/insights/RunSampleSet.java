package io.siftbench.model.insights;

import java.util.List;
import java.util.Map;

/**
 * The samples of one run as the metrics see them, with what the metrics need beside them.
 *
 * @param runId             the run
 * @param samples           the run's answered samples in generation order, each with the model's label
 * @param researcherLabels  the label that counts after review (the researcher's edit, else the model's), by
 *                          sample id, so that agreement with gold can be shown for both
 * @param conditions        the prompt version's declared condition values, in the prompt's order
 * @param version           a fingerprint of everything above: it changes when a sample arrives or a decision
 *                          (or its undo) changes a status, text or label, and only then
 */
public record RunSampleSet(long runId, List<SampleText> samples, Map<Long, String> researcherLabels,
                           Map<String, List<String>> conditions, long version) {

    public RunSampleSet {
        samples = List.copyOf(samples);
        researcherLabels = Map.copyOf(researcherLabels);
    }

    /** The samples with the researcher's final labels in place of the model's. */
    public List<SampleText> withResearcherLabels() {
        return samples.stream().map(s -> s.withLabel(researcherLabels.get(s.id()))).toList();
    }
}
