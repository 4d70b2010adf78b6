package io.siftbench.model.runs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.backends.GenerationParameters;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a run beyond its columns, kept as JSON with the run so that a resume (or a re-run with
 * one change) plans and sends exactly what the first attempt did.
 *
 * @param limit annotate: take a seeded random subset of this many records, or all when null
 * @param temperature sampling temperature
 * @param topP        nucleus sampling
 * @param maxTokens   longest answer
 * @param stop        stop sequences
 * @param timeoutSeconds one request's time limit
 * @param cells       "fill the gaps": the condition value combinations a synthesize run takes, in turn, over
 *                    whatever the prompt's plan picks for the other conditions; empty for the prompt's plan
 * @param whereColumn annotate: only records whose value in this column equals {@code whereValue}; null for all
 * @param whereValue  the value {@code whereColumn} must have
 * @param judgeOf     judge: the run whose samples this run scores; null for the other modes
 * @param judgeUpTo   judge: the id of the judged run's newest answered sample when this run was made. The
 *                    run judges the answered samples up to it, so that its plan (and its target) stays the same
 *                    on every resume even while the judged run goes on: answered samples are never replaced,
 *                    and a retried or new one gets a larger id, left to another judge run
 * @param step        a pipeline step: its pipeline run and the earlier step it continues; null outside pipelines
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunDetails(
        Integer limit,
        double temperature,
        double topP,
        int maxTokens,
        List<String> stop,
        long timeoutSeconds,
        List<Map<String, String>> cells,
        String whereColumn,
        String whereValue,
        Long judgeOf,
        Long judgeUpTo,
        StepLink step) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunDetails {
        stop = stop == null ? List.of() : List.copyOf(stop);
        cells = cells == null ? List.of() : cells.stream().map(Map::copyOf).toList();
    }

    /** Settings that follow the prompt's plan over every record (runs stored before these read the same way). */
    public RunDetails(
            Integer limit, double temperature, double topP, int maxTokens, List<String> stop, long timeoutSeconds) {
        this(limit, temperature, topP, maxTokens, stop, timeoutSeconds, List.of(), null, null, null, null, null);
    }

    /** The same settings over a seeded random subset of {@code newLimit} records, or all of them when null. */
    public RunDetails withLimit(Integer newLimit) {
        return new RunDetails(
                newLimit,
                temperature,
                topP,
                maxTokens,
                stop,
                timeoutSeconds,
                cells,
                whereColumn,
                whereValue,
                judgeOf,
                judgeUpTo,
                step);
    }

    /** The same settings sent with other generation parameters (the seed is the run's, not theirs). */
    public RunDetails withParameters(GenerationParameters p) {
        return new RunDetails(
                limit,
                p.temperature(),
                p.topP(),
                p.maxTokens(),
                p.stop(),
                p.timeout().toSeconds(),
                cells,
                whereColumn,
                whereValue,
                judgeOf,
                judgeUpTo,
                step);
    }

    /** The same settings restricted to {@code combinations} of condition values. */
    public RunDetails withCells(List<Map<String, String>> combinations) {
        return new RunDetails(
                limit,
                temperature,
                topP,
                maxTokens,
                stop,
                timeoutSeconds,
                combinations,
                whereColumn,
                whereValue,
                judgeOf,
                judgeUpTo,
                step);
    }

    /** The same settings restricted to the records whose {@code column} holds {@code value}. */
    public RunDetails withWhere(String column, String value) {
        return new RunDetails(
                limit,
                temperature,
                topP,
                maxTokens,
                stop,
                timeoutSeconds,
                cells,
                column,
                value,
                judgeOf,
                judgeUpTo,
                step);
    }

    /** The same settings for a judge run of {@code runId}'s answered samples up to sample {@code upTo}. */
    public RunDetails judging(long runId, long upTo) {
        return new RunDetails(
                limit,
                temperature,
                topP,
                maxTokens,
                stop,
                timeoutSeconds,
                cells,
                whereColumn,
                whereValue,
                runId,
                upTo,
                step);
    }

    /** The same settings for step {@code link} of a pipeline run. */
    public RunDetails withStep(StepLink link) {
        return new RunDetails(
                limit,
                temperature,
                topP,
                maxTokens,
                stop,
                timeoutSeconds,
                cells,
                whereColumn,
                whereValue,
                judgeOf,
                judgeUpTo,
                link);
    }

    /** Whether the run takes only the records that match {@link #whereColumn}. */
    public boolean filtered() {
        return whereColumn != null && !whereColumn.isBlank();
    }

    /** Whether a record with these column values is one the run takes. */
    public boolean takes(Map<String, Object> values) {
        if (!filtered()) {
            return true;
        }
        Object value = values.get(whereColumn);
        return value != null && value.toString().equals(whereValue);
    }

    public static RunDetails of(Integer limit, GenerationParameters p) {
        return new RunDetails(
                limit,
                p.temperature(),
                p.topP(),
                p.maxTokens(),
                p.stop(),
                p.timeout().toSeconds());
    }

    /** The parameters of each request; the seed is set per request from the run's seed. */
    public GenerationParameters parameters() {
        return new GenerationParameters(temperature, topP, maxTokens, null, stop, Duration.ofSeconds(timeoutSeconds));
    }

    /**
     * The generation parameters alone as JSON: what a run's and each sample's {@code parameters} hold. The
     * field names are those of the details, so {@link #fromJson} reads the parameters back as well.
     */
    public String parametersJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("temperature", temperature);
        fields.put("topP", topP);
        fields.put("maxTokens", maxTokens);
        fields.put("stop", stop);
        fields.put("timeoutSeconds", timeoutSeconds);
        return write(fields);
    }

    public String toJson() {
        return write(this);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunDetails fromJson(String json) {
        try {
            return JSON.readValue(json, RunDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The run's settings cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
