package io.siftbench.model.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * What a run does with a prompt version: label records, make new samples, or judge the samples of another
 * run (LLM-as-judge: a score and a reason for each).
 */
public enum PromptMode {
    @JsonProperty("annotate")
    ANNOTATE,
    @JsonProperty("synthesize")
    SYNTHESIZE,
    @JsonProperty("judge")
    JUDGE;

    /** The lower-case name used in prompt files, the database and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PromptMode fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
