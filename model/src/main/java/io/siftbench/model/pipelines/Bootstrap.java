package io.siftbench.model.pipelines;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;

/**
 * What a step's {@code "bootstrap"} says (Self-Instruct, Wang et al. 2023): the step starts from a pool of seeds
 * and grows it in rounds, each round a run whose slots show demonstrations drawn, by the seed, from the pool as
 * it stood when the round was made; a candidate too similar to a pool member (ROUGE-L F at or above
 * {@code threshold}) is rejected, the others join the pool. Rounds go on until {@code target} candidates are
 * accepted, a round accepts less than {@code minShare} of its candidates, or {@code maxRounds} rounds ran.
 * Left out, a field takes the default {@code effective()} gives it.
 *
 * @param seeds          {@code dataset:COLUMN} (that column of the pipeline run's {@code --dataset}) or
 *                       {@code step:NAME} (the samples of an earlier step)
 * @param select         with {@code step:NAME}: {@code all-valid} (the default) or {@code accepted}
 * @param target         how many candidates to accept in all
 * @param perRound       how many candidates a round asks for at most (fewer when fewer are still needed)
 * @param demonstrations how many pool members each slot shows, as {@code {{#demos}}}
 * @param threshold      the ROUGE-L F against any pool member at which a candidate is too similar, in (0, 1]
 * @param minShare       a round that accepts less than this share of its candidates is the last, in [0, 1]
 * @param maxRounds      at most this many rounds
 * @param similarity     how "too similar" is measured: {@code rouge-l} (the default, as the original) or
 *                       {@code embedding} (the cosine of the texts' MiniLM embeddings, through the project's cache)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "seeds",
    "select",
    "target",
    "perRound",
    "demonstrations",
    "similarity",
    "threshold",
    "minShare",
    "maxRounds"
})
public record Bootstrap(
        String seeds,
        String select,
        Integer target,
        Integer perRound,
        Integer demonstrations,
        Double threshold,
        Double minShare,
        Integer maxRounds,
        String similarity) {

    /** The threshold of the original Self-Instruct. */
    public static final double ROUGE_L_THRESHOLD = 0.7;

    /** The cosine at which two texts' embeddings count as the same request said again. */
    public static final double COSINE_THRESHOLD = 0.9;

    /** The words of {@code similarity}. */
    public static final String ROUGE_L = "rouge-l";

    public static final String EMBEDDING = "embedding";

    /** A bootstrap measured by ROUGE-L, as the original. */
    public Bootstrap(
            String seeds,
            String select,
            Integer target,
            Integer perRound,
            Integer demonstrations,
            Double threshold,
            Double minShare,
            Integer maxRounds) {
        this(seeds, select, target, perRound, demonstrations, threshold, minShare, maxRounds, null);
    }

    /** Whether candidates are compared with the pool by the cosine of their embeddings, not by ROUGE-L. */
    @JsonIgnore
    public boolean byEmbedding() {
        return EMBEDDING.equals(similarity);
    }

    /** Every field with its default in place of what the file leaves out. */
    @JsonIgnore
    public Bootstrap effective() {
        return new Bootstrap(
                seeds,
                select == null ? Selection.ALL_VALID.id() : select,
                target,
                perRound == null ? 8 : perRound,
                demonstrations == null ? 4 : demonstrations,
                threshold == null ? (byEmbedding() ? COSINE_THRESHOLD : ROUGE_L_THRESHOLD) : threshold,
                minShare == null ? 0.1 : minShare,
                maxRounds == null ? 20 : maxRounds,
                similarity == null ? ROUGE_L : similarity);
    }

    /** Where the seeds come from: a dataset's column or an earlier step, or empty when {@code seeds} is neither. */
    @JsonIgnore
    public Optional<Seeds> source() {
        if (seeds != null && seeds.startsWith("dataset:") && seeds.length() > "dataset:".length()) {
            return Optional.of(new Seeds(seeds.substring("dataset:".length()), null));
        }
        return StepInput.parse(seeds)
                .filter(i -> i.kind() == StepInput.Kind.STEP)
                .map(i -> new Seeds(null, i.step()));
    }

    /** Exactly one of the two is set: the column of the run's dataset, or the earlier step's name. */
    public record Seeds(String column, String step) {}
}
