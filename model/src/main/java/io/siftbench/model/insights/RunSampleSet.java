package io.siftbench.model.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of one run (or of several runs measured as one set) as the metrics see them, with what the
 * metrics need beside them.
 *
 * @param runs              the runs the samples come from, in the order their samples are; never empty
 * @param samples           the run's answered samples in generation order, each with the model's label
 * @param researcherLabels  the label that counts after review (the researcher's edit, else the model's), by
 *                          sample id, so that agreement with gold can be shown for both
 * @param conditions        the prompt version's declared condition values, in the prompt's order
 * @param version           a fingerprint of everything above: it changes when a sample arrives or a decision
 *                          (or its undo) changes a status, text or label, and only then
 * @param draw              how {@code samples} were drawn from more, with what was counted of all of them; null
 *                          when {@code samples} are every sample of the runs (a set of up to
 *                          {@link RunSamples#SAMPLE_SIZE}, or one read whole)
 */
public record RunSampleSet(
        List<Long> runs,
        List<SampleText> samples,
        Map<Long, String> researcherLabels,
        Map<String, List<String>> conditions,
        long version,
        Draw draw) {

    /**
     * A seeded uniform sample of a larger set, and what was counted exactly of the whole set while it was read.
     *
     * @param of     how many samples the set held (those of the slice and status selection it was drawn from)
     * @param seed   the seed of the draw
     * @param labels the labels of all {@code of} samples, counted exactly
     */
    public record Draw(long of, long seed, LabelDistribution labels) {}

    /** Every sample of the runs, none drawn. */
    public RunSampleSet(
            List<Long> runs,
            List<SampleText> samples,
            Map<Long, String> researcherLabels,
            Map<String, List<String>> conditions,
            long version) {
        this(runs, samples, researcherLabels, conditions, version, null);
    }

    public RunSampleSet {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a sample set comes from at least one run");
        }
        samples = List.copyOf(samples);
        researcherLabels = Map.copyOf(researcherLabels);
    }

    /** The run the set is kept under (in metric snapshots and reports): its first. */
    public long runId() {
        return runs.get(0);
    }

    /**
     * The samples generated with {@code condition} set to {@code value}: the metrics of one condition value.
     * The fingerprint stays the run's; a snapshot tells slices apart by its scope.
     */
    public RunSampleSet where(String condition, String value) {
        if (draw != null) {
            // The exact counts are of the whole draw's population: a drawn set is narrowed while it is read.
            throw new IllegalStateException("a drawn sample set is narrowed to a condition value while it is read");
        }
        return new RunSampleSet(
                runs,
                samples.stream()
                        .filter(s -> value.equals(s.conditions().get(condition)))
                        .toList(),
                researcherLabels,
                conditions,
                version);
    }

    /**
     * The samples of several runs (the runs of one prompt version) as one set, in the order given, under the
     * first run's id; its fingerprint changes when any run's does.
     */
    public static RunSampleSet union(List<RunSampleSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("a union needs at least one run's samples");
        }
        if (sets.stream().anyMatch(set -> set.draw() != null)) {
            throw new IllegalArgumentException("drawn sample sets are drawn as one union while they are read");
        }
        List<Long> runs = new ArrayList<>();
        List<SampleText> all = new ArrayList<>();
        Map<Long, String> labels = new HashMap<>();
        for (RunSampleSet set : sets) {
            runs.addAll(set.runs());
            all.addAll(set.samples());
            labels.putAll(set.researcherLabels());
        }
        return new RunSampleSet(
                runs,
                all,
                labels,
                sets.get(0).conditions(),
                unionVersion(sets.stream().map(RunSampleSet::version).toList()));
    }

    /** The fingerprint of a union of sets of these fingerprints, in this order. */
    static long unionVersion(List<Long> versions) {
        long version = 17;
        for (long each : versions) {
            version = 31 * version + each;
        }
        return version;
    }

    /** The samples with the researcher's final labels in place of the model's. */
    public List<SampleText> withResearcherLabels() {
        return samples.stream()
                .map(s -> s.withLabel(researcherLabels.get(s.id())))
                .toList();
    }
}
