package io.siftbench.model.backends;

import java.util.Optional;

/**
 * What the first use of a backend never probed found out: which server answers there, and the backend as it is
 * saved with the user's backends now (the schema style that server honours included), so that it happens once.
 *
 * @param backend the user's backend as detected and saved
 * @param saved   the user's backends as saved with it
 */
public record ServerDetection(BackendConfig backend, BackendSettings saved) {

    /**
     * What the user is told once, where the server named itself ("Detected llama.cpp server on 'laptop': output
     * schema sent as json_object + schema"); nothing for a server that says nothing more, which keeps its style.
     */
    public Optional<String> note() {
        return noteOn(backend, "'" + backend.name() + "'");
    }

    /**
     * What the user is told of {@code backend} found at {@code where} (its name, or the address a command line gave
     * for a backend that is not among the user's); nothing for a server that says nothing more about itself.
     */
    public static Optional<String> noteOn(BackendConfig backend, String where) {
        ServerKind server = backend.server();
        if (server == null || server == ServerKind.OPENAI_COMPATIBLE) {
            return Optional.empty();
        }
        return Optional.of("Detected " + server.title() + " on " + where + ": output schema sent as "
                + backend.schemaStyle().title());
    }
}
