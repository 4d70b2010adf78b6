package io.siftbench.model.insights;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
                id, text, null, null, Map.of(), Map.of(), SampleStatus.PENDING, null, List.of(), null, null, null);
    }

    public SampleText withText(String newText) {
        return new SampleText(
                id,
                newText,
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

    public SampleText withLabel(String newLabel) {
        return new SampleText(
                id,
                text,
                newLabel,
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

    public SampleText withGoldLabel(String newGoldLabel) {
        return new SampleText(
                id,
                text,
                label,
                newGoldLabel,
                conditions,
                fields,
                status,
                confidence,
                votes,
                judgeScore,
                judgeReason,
                embedding);
    }

    public SampleText withConditions(Map<String, String> newConditions) {
        return new SampleText(
                id,
                text,
                label,
                goldLabel,
                newConditions,
                fields,
                status,
                confidence,
                votes,
                judgeScore,
                judgeReason,
                embedding);
    }

    public SampleText withFields(Map<String, String> newFields) {
        return new SampleText(
                id,
                text,
                label,
                goldLabel,
                conditions,
                newFields,
                status,
                confidence,
                votes,
                judgeScore,
                judgeReason,
                embedding);
    }

    public SampleText withStatus(SampleStatus newStatus) {
        return new SampleText(
                id,
                text,
                label,
                goldLabel,
                conditions,
                fields,
                newStatus,
                confidence,
                votes,
                judgeScore,
                judgeReason,
                embedding);
    }

    public SampleText withConfidence(Double newConfidence) {
        return new SampleText(
                id,
                text,
                label,
                goldLabel,
                conditions,
                fields,
                status,
                newConfidence,
                votes,
                judgeScore,
                judgeReason,
                embedding);
    }

    public SampleText withVotes(List<String> newVotes) {
        return new SampleText(
                id,
                text,
                label,
                goldLabel,
                conditions,
                fields,
                status,
                confidence,
                newVotes,
                judgeScore,
                judgeReason,
                embedding);
    }

    public SampleText withJudgement(Double score, String reason) {
        return new SampleText(
                id, text, label, goldLabel, conditions, fields, status, confidence, votes, score, reason, embedding);
    }

    public SampleText withEmbedding(float[] newEmbedding) {
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
                newEmbedding);
    }

    public boolean hasEmbedding() {
        return embedding != null && embedding.length > 0;
    }
}
