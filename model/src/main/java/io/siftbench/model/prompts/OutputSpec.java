package io.siftbench.model.prompts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The output section of a prompt file: the JSON schema a sample must satisfy, written by hand. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutputSpec(JsonNode schema) {}
