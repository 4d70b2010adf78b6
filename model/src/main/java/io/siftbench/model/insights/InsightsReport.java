package io.siftbench.model.insights;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Every metric of one set of samples (one run or prompt version, restricted to all, accepted or rejected
 * samples), as the Insights screen shows it and the {@code metrics} command prints it.
 *
 * @param selection    which samples were measured
 * @param samples      how many samples that selection holds
 * @param lexical      distinct-n, vocabulary size and top n-grams
 * @param selfBleu     self-BLEU (exact or sampled, as it says)
 * @param lengths      length statistics and histograms
 * @param labels       the label distribution
 * @param coverage     condition coverage per pair of conditions
 * @param valueCoverage condition coverage per value of each condition on its own
 * @param similarity   the pairwise embedding cosine; null when fewer than two samples have an embedding
 * @param embeddingMap the 2-D PCA map; null when no sample has an embedding
 * @param gold         agreement with the gold labels; null when no sample has a gold label
 * @param calibration  the model's confidence against agreement with gold; null when no sample has both a gold
 *                     label and a confidence
 */
public record InsightsReport(
        StatusSelection selection,
        int samples,
        LexicalDiversity lexical,
        SelfBleuScore selfBleu,
        LengthStatistics lengths,
        LabelDistribution labels,
        List<CoverageGrid> coverage,
        List<ValueCoverage> valueCoverage,
        SimilarityDistribution similarity,
        EmbeddingMap embeddingMap,
        GoldAgreement gold,
        Calibration calibration) {

    private static final String[] STEPS = {
        "tokenising",
        "distinct-n",
        "self-BLEU",
        "lengths and labels",
        "condition coverage",
        "embedding similarity",
        "embedding map",
        "agreement with gold labels"
    };

    public InsightsReport {
        coverage = List.copyOf(coverage);
        valueCoverage = List.copyOf(valueCoverage);
    }

    /**
     * The pair heatmaps worth showing: those with a sample in at least one cell. A pair with a switched-off
     * condition holds none, and an all-empty grid beside the per-value bars only says so at length.
     */
    public List<CoverageGrid> filledCoverage() {
        return coverage.stream()
                .filter(grid -> grid.cells().stream().anyMatch(cell -> !cell.empty()))
                .toList();
    }

    /**
     * Whether the per-value bars are shown: some condition is in no {@linkplain #filledCoverage() filled pair}
     * (a single condition, the only one switched on, or one switched off beside a filled pair), so only its bars
     * show its values and their gaps.
     */
    public boolean coverageByValue() {
        Set<String> paired = new HashSet<>();
        filledCoverage().forEach(grid -> paired.addAll(List.of(grid.conditionA(), grid.conditionB())));
        return valueCoverage.stream().anyMatch(values -> !paired.contains(values.condition()));
    }

    /**
     * Measures the selected samples. Runs on the caller's thread; an interrupted thread stops between steps
     * with a {@link CancellationException}.
     */
    public static InsightsReport of(
            List<SampleText> all, StatusSelection selection, InsightsSettings settings, InsightsProgress progress) {
        List<SampleText> samples = selection.select(all);
        return measure(samples, selection, settings, progress);
    }

    /** Measures samples already selected. */
    static InsightsReport measure(
            List<SampleText> samples, StatusSelection selection, InsightsSettings settings, InsightsProgress progress) {
        step(progress, 0);
        List<String> texts = samples.stream().map(SampleText::text).toList();
        List<List<String>> tokens = texts.stream().map(Tokenizer::tokens).toList();
        step(progress, 1);
        LexicalDiversity lexical = LexicalDiversity.of(new NGramIndex(tokens, settings.maxN()), settings.topNGrams());
        step(progress, 2);
        SelfBleuScore selfBleu = new SelfBleu(settings.selfBleuExactLimit(), settings.seed()).score(tokens);
        step(progress, 3);
        LengthStatistics lengths = LengthStatistics.of(texts, tokens, settings.bins());
        LabelDistribution labels = LabelDistribution.of(samples);
        step(progress, 4);
        List<CoverageGrid> coverage = ConditionCoverage.of(samples, settings.conditions());
        List<ValueCoverage> valueCoverage = ConditionCoverage.perValue(samples, settings.conditions());
        step(progress, 5);
        long embedded = samples.stream().filter(SampleText::hasEmbedding).count();
        SimilarityDistribution similarity = embedded < 2
                ? null
                : new EmbeddingSimilarity(settings.similarityLimit(), settings.seed()).measure(samples);
        step(progress, 6);
        EmbeddingMap map = embedded == 0 ? null : EmbeddingMap.of(samples);
        step(progress, 7);
        boolean hasGold = samples.stream().anyMatch(sample -> sample.goldLabel() != null);
        GoldAgreement gold = hasGold ? GoldAgreement.of(samples) : null;
        Calibration calibration = hasGold ? Calibration.of(samples) : null;
        progress.update(STEPS.length, STEPS.length, "done");
        return new InsightsReport(
                selection,
                samples.size(),
                lexical,
                selfBleu,
                lengths,
                labels,
                coverage,
                valueCoverage,
                similarity,
                map,
                gold,
                calibration);
    }

    /** This report with the sample count and labels of a larger set than the one measured, counted as it was read. */
    InsightsReport withExactCounts(int allSamples, LabelDistribution allLabels) {
        return new InsightsReport(
                selection,
                allSamples,
                lexical,
                selfBleu,
                lengths,
                allLabels,
                coverage,
                valueCoverage,
                similarity,
                embeddingMap,
                gold,
                calibration);
    }

    /** This report with its length histograms and its embedding map on axes shared with other reports. */
    InsightsReport onAxes(LengthStatistics sharedLengths, EmbeddingMap sharedMap) {
        return new InsightsReport(
                selection,
                samples,
                lexical,
                selfBleu,
                sharedLengths,
                labels,
                coverage,
                valueCoverage,
                similarity,
                sharedMap,
                gold,
                calibration);
    }

    private static void step(InsightsProgress progress, int done) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("metrics cancelled while " + STEPS[done]);
        }
        progress.update(done, STEPS.length, STEPS[done]);
    }
}
