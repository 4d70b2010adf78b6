package io.siftbench.model.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How demonstrations are drawn from their dataset. */
public enum DemonstrationStrategy {
    /** The records named by id, in the order given. */
    @JsonProperty("fixed")
    FIXED,
    /** k records at random, from the seed. */
    @JsonProperty("random")
    RANDOM,
    /** k records spread over as many labels as possible, no label more than once more than another. */
    @JsonProperty("balanced")
    BALANCED,
    /** The k records whose embeddings are nearest to the current record's (cosine). */
    @JsonProperty("similar")
    SIMILAR,
    /** k records relevant to the current record yet unlike each other (maximal marginal relevance). */
    @JsonProperty("diverse")
    DIVERSE
}
