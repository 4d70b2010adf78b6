package io.siftbench.model.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model output with its full provenance, as stored the moment it arrives. A failed request is a
 * sample too: {@code error} says what went wrong, and {@code rawOutput} keeps whatever text came back.
 *
 * @param id            the stored id, or 0 before it is stored
 * @param runId         the run it belongs to
 * @param slot          what was asked (record, condition values, demonstrations, messages)
 * @param model         the model name the backend reported
 * @param parameters    the generation parameters as JSON
 * @param seed          the seed sent with the request
 * @param rawOutput     the text exactly as the model wrote it
 * @param label         the parsed label (annotate), the majority label when votes were taken
 * @param rationale     the parsed rationale, if asked for; a judge's reason in a judge run
 * @param confidence    the model's stated confidence, or the agreement of the votes; a judge's score in a
 *                      judge run (the verdict is the judge's sample itself, so it is committed with it at once)
 * @param text          the generated text (synthesize); null in annotate mode, where the input is the record
 * @param parsed        the parsed output as JSON
 * @param valid         whether the output passed validation against the output schema
 * @param validationError why it did not, or null
 * @param votes         the labels of each vote when self-consistency was asked for, else empty
 * @param promptTokens  tokens in the prompt as counted by the backend
 * @param completionTokens tokens generated
 * @param latencyMillis time from request to complete answer
 * @param finishReason  why generation stopped (stop, length, …)
 * @param error         the failure, or null
 * @param createdAt     when it was stored
 * @param endpoint      the server that answered (or, for a failure, was tried last), one of several where the
 *                      backend lists several; null for samples stored before endpoints were recorded
 */
public record Sample(
        long id,
        long runId,
        Slot slot,
        String model,
        String parameters,
        Long seed,
        String rawOutput,
        String label,
        String rationale,
        Double confidence,
        String text,
        String parsed,
        boolean valid,
        String validationError,
        List<String> votes,
        Integer promptTokens,
        Integer completionTokens,
        Long latencyMillis,
        String finishReason,
        String error,
        Instant createdAt,
        String endpoint) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Sample {
        votes = votes == null ? List.of() : List.copyOf(votes);
    }

    /** A sample that names no endpoint: made where no server was asked (imports, fixtures). */
    public Sample(
            long id,
            long runId,
            Slot slot,
            String model,
            String parameters,
            Long seed,
            String rawOutput,
            String label,
            String rationale,
            Double confidence,
            String text,
            String parsed,
            boolean valid,
            String validationError,
            List<String> votes,
            Integer promptTokens,
            Integer completionTokens,
            Long latencyMillis,
            String finishReason,
            String error,
            Instant createdAt) {
        this(
                id,
                runId,
                slot,
                model,
                parameters,
                seed,
                rawOutput,
                label,
                rationale,
                confidence,
                text,
                parsed,
                valid,
                validationError,
                votes,
                promptTokens,
                completionTokens,
                latencyMillis,
                finishReason,
                error,
                createdAt,
                null);
    }

    /**
     * A slot whose request failed: nothing came back but the reason, kept so that the failure is counted and
     * shown and the slot is tried again on resume.
     */
    public static Sample failure(long runId, Slot slot, String model, String parameters, Long seed, String error) {
        return failure(runId, slot, model, parameters, seed, error, null);
    }

    /** A failed slot, naming the endpoint its last attempt went to. */
    public static Sample failure(
            long runId, Slot slot, String model, String parameters, Long seed, String error, String endpoint) {
        return new Sample(
                0,
                runId,
                slot,
                model,
                parameters,
                seed,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                error,
                null,
                endpoint);
    }

    public boolean failed() {
        return error != null;
    }

    public Map<String, String> conditions() {
        return slot.conditions();
    }

    /** The top-level fields of the parsed output, as text; none when the output was not a JSON object. */
    public Map<String, String> fields() {
        if (parsed == null) {
            return Map.of();
        }
        try {
            JsonNode node = JSON.readTree(parsed);
            Map<String, String> fields = new LinkedHashMap<>();
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(f -> {
                    if (!f.getValue().isNull()) {
                        fields.put(
                                f.getKey(),
                                f.getValue().isValueNode()
                                        ? f.getValue().asText()
                                        : f.getValue().toString());
                    }
                });
            }
            return fields;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
