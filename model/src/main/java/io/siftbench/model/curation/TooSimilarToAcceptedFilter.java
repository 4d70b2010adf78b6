package io.siftbench.model.curation;

import io.siftbench.model.embeddings.Vectors;
import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warns, while reviewing, that a sample is very similar to one already accepted: the embedding cosine to the
 * most similar accepted sample is at least {@code threshold}, as in "0.93 similar to #412, accepted". Accepted
 * samples themselves, and samples without an embedding, are not flagged.
 */
public record TooSimilarToAcceptedFilter(double threshold) implements CurationFilter {

    public static final double DEFAULT_THRESHOLD = 0.9;

    @Override
    public List<Flag> flag(List<SampleText> samples) {
        List<SampleText> accepted = samples.stream()
                .filter(sample -> sample.status().kept())
                .filter(SampleText::hasEmbedding)
                .toList();
        List<float[]> acceptedUnits = accepted.stream()
                .map(sample -> Vectors.unit(sample.embedding()))
                .toList();
        List<Flag> flags = new ArrayList<>();
        for (SampleText sample : samples) {
            if (!sample.status().kept()) {
                check(sample, accepted, acceptedUnits).ifPresent(flags::add);
            }
        }
        return flags;
    }

    /** The warning for one sample against the accepted samples, as the review screen shows it. */
    public Optional<Flag> check(SampleText sample, List<SampleText> accepted) {
        List<SampleText> embedded =
                accepted.stream().filter(SampleText::hasEmbedding).toList();
        return check(
                sample,
                embedded,
                embedded.stream().map(other -> Vectors.unit(other.embedding())).toList());
    }

    private Optional<Flag> check(SampleText sample, List<SampleText> accepted, List<float[]> acceptedUnits) {
        if (!sample.hasEmbedding()) {
            return Optional.empty();
        }
        float[] unit = Vectors.unit(sample.embedding());
        int best = -1;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < accepted.size(); i++) {
            double cosine = Vectors.dot(unit, acceptedUnits.get(i));
            if (cosine > bestCosine && accepted.get(i).id() != sample.id()) {
                best = i;
                bestCosine = cosine;
            }
        }
        if (best < 0 || bestCosine < threshold) {
            return Optional.empty();
        }
        return Optional.of(new Flag(
                sample.id(),
                FlagKind.TOO_SIMILAR_TO_ACCEPTED,
                Numbers.format(bestCosine) + " similar to #"
                        + accepted.get(best).id() + ", accepted"));
    }
}
