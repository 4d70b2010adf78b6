package io.siftbench.model.runs;

import io.siftbench.model.backends.BackendKind;
import java.nio.file.Path;
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
        return new BackendRef(
                kind.name().toLowerCase(Locale.ROOT),
                location,
                model == null || model.isBlank() ? null : model.strip());
    }

    /**
     * The model as a person reads it: the one asked for, else a GGUF file's name (the file is the model), else
     * "default model" (the server's own choice).
     */
    public String modelShown() {
        if (model != null && !model.isBlank()) {
            return model;
        }
        if ("gguf".equals(kind)) {
            return Path.of(location).getFileName().toString();
        }
        return "default model";
    }

    /**
     * Where the model runs, as short as a row of runs can show it: a GGUF file's name ("gguf tiny.gguf"), a server's
     * address without its scheme ("openai 127.0.0.1:8080/v1").
     */
    public String shown() {
        if ("gguf".equals(kind)) {
            return kind + " " + Path.of(location).getFileName();
        }
        return kind + " " + location.replaceFirst("^https?://", "");
    }
}
