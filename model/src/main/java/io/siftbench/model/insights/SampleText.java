package io.siftbench.model.insights;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the metrics, curation filters and review orders need to know about one sample. It is a plain value
 * so that the storage layer (or a test) can feed it without the engine knowing where samples live. A list of
 * samples is always in generation order: "earliest" means first in the list.
 *
 * @param id          the sample's id, shown to the researcher as {@code #id}
 * @param text        the sample's text (the generated text, or the annotated record's text)
 * @param label       the label the model gave (annotate) or the sample carries (synthesize); may be null
 * @param goldLabel   the dataset's label for the record (annotate mode with a label column); may be null
 * @param conditions  the condition values the sample was generated with, by condition name
 * @param fields      the parsed output fields (synthesize mode), by field name
 * @param status      where the sample stands after review
 * @param confidence  the model's confidence in its answer in [0, 1]; may be null
 * @param votes       the labels of the self-consistency votes (empty when the run had one vote)
 * @param judgeScore  the LLM-as-judge score; may be null when the sample was not judged
 * @param judgeReason the judge's reason; may be null
 * @param embedding   the sample's text embedding; may be null when none was computed
 */
public record SampleText(
        long id,
        String text,
        String label,
        String goldLabel,
        Map<String, String> conditions,
        Map<String, String> fields,
        SampleStatus status,
        Double confidence,
        List<String> votes,
        Double judgeScore,
        String judgeReason,
        float[] embedding) {

    public SampleText {
        text = text == null ? "" : text;
        conditions = Map.copyOf(conditions);
        fields = Map.copyOf(fields);
        status = Objects.requireNonNull(status, "status");
        votes = List.copyOf(votes);
    }

    /** A pending sample with only an id and a text; the {@code with…} methods fill in the rest. */
    public static SampleText of(long id, String text) {
        return new SampleText(
                id, text, null, null, Map.of(), Map.of(), SampleStatus.UNDECIDED, null, List.of(), null, null, null);
    }

    public SampleText withText(String newText) {
        return copy(c -> c.text = newText);
    }

    public SampleText withLabel(String newLabel) {
        return copy(c -> c.label = newLabel);
    }

    public SampleText withGoldLabel(String newGoldLabel) {
        return copy(c -> c.goldLabel = newGoldLabel);
    }

    public SampleText withConditions(Map<String, String> newConditions) {
        return copy(c -> c.conditions = newConditions);
    }

    public SampleText withFields(Map<String, String> newFields) {
        return copy(c -> c.fields = newFields);
    }

    public SampleText withStatus(SampleStatus newStatus) {
        return copy(c -> c.status = newStatus);
    }

    public SampleText withConfidence(Double newConfidence) {
        return copy(c -> c.confidence = newConfidence);
    }

    public SampleText withVotes(List<String> newVotes) {
        return copy(c -> c.votes = newVotes);
    }

    public SampleText withJudgement(Double score, String reason) {
        return copy(c -> {
            c.judgeScore = score;
            c.judgeReason = reason;
        });
    }

    public SampleText withEmbedding(float[] newEmbedding) {
        return copy(c -> c.embedding = newEmbedding);
    }

    /** This {@code SampleText} with what {@code change} sets changed: the one place that names every component. */
    private SampleText copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The components of a copy being made; each wither sets its own before the copy is built. */
    private static final class Copy {
        private long id;
        private String text;
        private String label;
        private String goldLabel;
        private Map<String, String> conditions;
        private Map<String, String> fields;
        private SampleStatus status;
        private Double confidence;
        private List<String> votes;
        private Double judgeScore;
        private String judgeReason;
        private float[] embedding;

        private Copy(SampleText of) {
            id = of.id;
            text = of.text;
            label = of.label;
            goldLabel = of.goldLabel;
            conditions = of.conditions;
            fields = of.fields;
            status = of.status;
            confidence = of.confidence;
            votes = of.votes;
            judgeScore = of.judgeScore;
            judgeReason = of.judgeReason;
            embedding = of.embedding;
        }

        private SampleText build() {
            return new SampleText(
                    id,
                    text,
                    label,
                    goldLabel,
                    conditions,
                    fields,
                    status,
                    confidence,
                    votes,
                    judgeScore,
                    judgeReason,
                    embedding);
        }
    }

    public boolean hasEmbedding() {
        return embedding != null && embedding.length > 0;
    }
}
