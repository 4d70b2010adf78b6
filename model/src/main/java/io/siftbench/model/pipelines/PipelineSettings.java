package io.siftbench.model.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunDetails;
import java.io.UncheckedIOException;

/**
 * What a pipeline run was asked with, kept with it so that each step's run is made from it alone, also on a
 * resume: the backend and model the steps default to, the dataset a {@code dataset} step annotates, how many
 * samples a {@code none} step makes, and the settings every step shares.
 *
 * @param details the generation parameters and, for a dataset step, the filter and subset size ({@link RunDetails})
 */
public record PipelineSettings(
        BackendRef backend, Long datasetId, Integer samples, long seed, int concurrency, int votes, String details) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public RunDetails runDetails() {
        return RunDetails.fromJson(details);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PipelineSettings fromJson(String json) {
        try {
            return JSON.readValue(json, PipelineSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The pipeline run's settings cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
