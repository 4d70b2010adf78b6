package io.siftbench.model.insights;

/**
 * Every metric of one run for one status selection, as the {@code metrics} command prints it and the Insights
 * screen shows it.
 *
 * @param run                 the run measured (the first, when the slice holds several)
 * @param slice               which of its samples, with others: "condition tone=angry", "prompt intent@2 runs 1, 4";
 *                            empty for the whole run
 * @param status              which samples were measured
 * @param sampleSetVersion    the fingerprint of the run's samples and decisions the metrics belong to
 * @param cached              whether the metrics came from the project's snapshot rather than a new computation
 * @param metrics             the metrics, with agreement with gold for the model's labels
 * @param researcherAgreement agreement with gold for the researcher's final labels; null without gold labels
 * @param judge               the LLM-as-judge scores of the measured samples; null when no run of the slice was
 *                            judged. Read afresh each time rather than kept in the snapshot, as a new judge run
 *                            changes them without changing the samples' fingerprint
 * @param sampled             the seeded sample the metrics it names were measured on, when the selection held
 *                            more than {@link RunSamples#SAMPLE_SIZE} samples; null when every sample was measured
 */
public record RunMetricsReport(
        long run,
        String slice,
        StatusSelection status,
        long sampleSetVersion,
        boolean cached,
        InsightsReport metrics,
        GoldAgreement researcherAgreement,
        JudgeScores judge,
        SeededSample sampled) {

    /** What a snapshot keeps: the figures, not where they came from. */
    public record Snapshot(InsightsReport metrics, GoldAgreement researcherAgreement) {}
}
