package io.siftbench.model.runs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.backends.GenerationParameters;

import java.io.UncheckedIOException;
import java.time.Duration;
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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunDetails(Integer limit, double temperature, double topP, int maxTokens, List<String> stop,
                         long timeoutSeconds, List<Map<String, String>> cells) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunDetails {
        stop = stop == null ? List.of() : List.copyOf(stop);
        cells = cells == null ? List.of() : cells.stream().map(Map::copyOf).toList();
    }

    /** Settings that follow the prompt's plan (runs stored before "fill the gaps" read the same way). */
    public RunDetails(Integer limit, double temperature, double topP, int maxTokens, List<String> stop,
                      long timeoutSeconds) {
        this(limit, temperature, topP, maxTokens, stop, timeoutSeconds, List.of());
    }

    /** The same settings restricted to {@code combinations} of condition values. */
    public RunDetails withCells(List<Map<String, String>> combinations) {
        return new RunDetails(limit, temperature, topP, maxTokens, stop, timeoutSeconds, combinations);
    }

    public static RunDetails of(Integer limit, GenerationParameters p) {
        return new RunDetails(limit, p.temperature(), p.topP(), p.maxTokens(), p.stop(), p.timeout().toSeconds());
    }

    /** The parameters of each request; the seed is set per request from the run's seed. */
    public GenerationParameters parameters() {
        return new GenerationParameters(temperature, topP, maxTokens, null, stop, Duration.ofSeconds(timeoutSeconds));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
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
