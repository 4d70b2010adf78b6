package io.siftbench.model.runs;

/**
 * Which backend a run used, without secrets: its kind (ollama, openai, gguf), its URL or GGUF file, and the
 * model asked for.
 */
public record BackendRef(String kind, String location, String model) {
}
