package io.siftbench.model.prompts;

import com.fasterxml.jackson.databind.JsonNode;

/** The output section of a prompt file: the JSON schema a sample must satisfy, written by hand. */
public record OutputSpec(JsonNode schema) {
}
