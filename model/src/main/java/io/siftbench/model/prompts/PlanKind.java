package io.siftbench.model.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a condition plan chooses value combinations. */
public enum PlanKind {
    /** Every combination of the switched-on values, in a stable order, cycling when more are needed. */
    @JsonProperty("all")
    ALL,
    /** Each condition's value drawn at random by weight, from the plan's seed. */
    @JsonProperty("random")
    RANDOM,
    /** Every switched-on value of each condition used equally often (within one), shuffled by the seed. */
    @JsonProperty("balanced")
    BALANCED
}
