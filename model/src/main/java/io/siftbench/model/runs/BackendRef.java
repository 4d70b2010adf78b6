package io.siftbench.model.runs;

import io.siftbench.model.backends.BackendKind;

import java.util.Locale;

/**
 * Which backend a run used, without secrets: its kind (ollama, openai, gguf), its URL or GGUF file, and the
 * model asked for.
 */
public record BackendRef(String kind, String location, String model) {

    /**
     * The backend as a run names it: the kind in lower case, and no model where none (or a blank one) is asked
     * for, so that two runs on the same model name it the same way.
     */
    public static BackendRef of(BackendKind kind, String location, String model) {
        return new BackendRef(kind.name().toLowerCase(Locale.ROOT), location,
                model == null || model.isBlank() ? null : model.strip());
    }
}
