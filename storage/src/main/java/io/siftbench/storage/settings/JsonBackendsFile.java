package io.siftbench.storage.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.Endpoint;
import io.siftbench.model.backends.GenerationParameters;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.backends.ServerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The user's backends as {@code backends.json} in the per-user configuration folder, written owner-only
 * (rw-------) and atomically, because it holds API keys. Keys are kept here and nowhere else: not in a
 * project, an export or a log.
 */
public final class JsonBackendsFile implements BackendSettingsRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public JsonBackendsFile(Path file) {
        this.file = file;
    }

    public static JsonBackendsFile forCurrentUser() {
        return new JsonBackendsFile(JsonSettingsFile.configFolder().resolve("backends.json"));
    }

    public Path file() {
        return file;
    }

    /**
     * The stored backends, or none where there is no file yet.
     *
     * @throws IllegalStateException naming the file, line and column, where the file cannot be read; the
     *                               file is left as it is, so that no backend is lost by saving over it
     */
    @Override
    public BackendSettings load() {
        if (!Files.exists(file)) {
            return BackendSettings.EMPTY;
        }
        try {
            return JSON.readValue(file.toFile(), Stored.class).toSettings();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    file + " line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(BackendSettings settings) {
        JsonSettingsFile.writeOwnerOnly(file, Stored.of(settings));
    }

    /** The file's shape: plain values, so that it stays readable and stable across versions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stored(List<Backend> backends, String defaultBackend, Parameters defaults) {

        static Stored of(BackendSettings s) {
            return new Stored(
                    s.backends().stream().map(Backend::of).toList(), s.defaultBackend(), Parameters.of(s.defaults()));
        }

        BackendSettings toSettings() {
            return new BackendSettings(
                    backends == null
                            ? List.of()
                            : backends.stream().map(Backend::toConfig).toList(),
                    defaultBackend,
                    defaults == null ? GenerationParameters.DEFAULT : defaults.toParameters());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Backend(
            String name,
            String kind,
            String location,
            String model,
            String apiKey,
            String schemaStyle,
            String server,
            Boolean schemaStyleChosen,
            Integer threads,
            Integer contextSize,
            Integer maxInFlight,
            Integer maxRetries,
            Integer keepAlive,
            List<StoredEndpoint> endpoints) {

        static Backend of(BackendConfig c) {
            return new Backend(
                    c.name(),
                    c.kind().name(),
                    c.location(),
                    c.model(),
                    c.apiKey(),
                    c.schemaStyle().name(),
                    c.server() == null ? null : c.server().name(),
                    c.schemaStyleChosen(),
                    c.threads(),
                    c.contextSize(),
                    c.maxInFlight(),
                    c.maxRetries(),
                    c.keepAlive(),
                    c.spread() ? c.endpoints().stream().map(StoredEndpoint::of).toList() : null);
        }

        BackendConfig toConfig() {
            SchemaStyle style = schemaStyle == null ? SchemaStyle.JSON_SCHEMA : SchemaStyle.valueOf(schemaStyle);
            return new BackendConfig(
                    name,
                    BackendKind.parse(kind),
                    location,
                    model,
                    apiKey,
                    style,
                    serverKind(server),
                    // A file from before the choice was kept: a style other than the default was chosen (by hand or
                    // by "Test connection"), and no first use may change it.
                    schemaStyleChosen == null ? style != SchemaStyle.JSON_SCHEMA : schemaStyleChosen,
                    or(threads, 0),
                    or(contextSize, BackendConfig.DEFAULT_CONTEXT_SIZE),
                    or(maxInFlight, BackendConfig.DEFAULT_MAX_IN_FLIGHT),
                    or(maxRetries, BackendConfig.DEFAULT_MAX_RETRIES),
                    or(keepAlive, BackendConfig.DEFAULT_KEEP_ALIVE),
                    // A file from before endpoints has none: the backend of one location it always was.
                    endpoints == null
                            ? List.of()
                            : endpoints.stream().map(StoredEndpoint::toEndpoint).toList());
        }
    }

    /** One endpoint of a backend that lists several. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredEndpoint(String location, Integer maxInFlight) {

        static StoredEndpoint of(Endpoint e) {
            return new StoredEndpoint(e.location(), e.maxInFlight());
        }

        Endpoint toEndpoint() {
            return new Endpoint(location, or(maxInFlight, BackendConfig.DEFAULT_MAX_IN_FLIGHT));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Parameters(
            double temperature, double topP, int maxTokens, Integer seed, List<String> stop, long timeoutSeconds) {

        static Parameters of(GenerationParameters p) {
            return new Parameters(
                    p.temperature(),
                    p.topP(),
                    p.maxTokens(),
                    p.seed(),
                    p.stop(),
                    p.timeout().toSeconds());
        }

        GenerationParameters toParameters() {
            return new GenerationParameters(
                    temperature, topP, maxTokens, seed, stop, Duration.ofSeconds(timeoutSeconds));
        }
    }

    /** The server a probe found, or null: none yet, or a kind a later version named (probed again here). */
    private static ServerKind serverKind(String name) {
        return Arrays.stream(ServerKind.values())
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
