package io.siftbench.model.prompts;

/** The two messages a backend receives for one sample, exactly as rendered. */
public record RenderedPrompt(String system, String user) {}
