package io.siftbench.model.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a run does with a prompt version: label records, or make new samples. */
public enum PromptMode {
    @JsonProperty("annotate") ANNOTATE,
    @JsonProperty("synthesize") SYNTHESIZE
}
