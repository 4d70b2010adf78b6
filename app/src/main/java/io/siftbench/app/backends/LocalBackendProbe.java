package io.siftbench.app.backends;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendProbe;
import io.siftbench.model.backends.ConnectionReport;
import io.siftbench.model.backends.FailureKind;
import io.siftbench.model.backends.ServerKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * "Test connection": lists a backend's models (Ollama's {@code /api/tags}, the OpenAI {@code /v1/models},
 * the GGUF file itself) and which server answered, or says what is wrong: refused, timed out, 401, not a
 * server of that kind, a model file that is missing or not GGUF.
 */
public final class LocalBackendProbe implements BackendProbe {

    private final Duration timeout;

    public LocalBackendProbe() {
        this(Duration.ofSeconds(5));
    }

    public LocalBackendProbe(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public ConnectionReport test(BackendConfig config) {
        if (config.kind() == BackendKind.GGUF) {
            Path file = Path.of(config.location());
            String problem = config.location().isEmpty() ? "No model file given" : GgufFile.problem(file);
            return problem == null
                    ? ConnectionReport.models(List.of(file.getFileName().toString()), Duration.ZERO)
                    : ConnectionReport.failed(problem);
        }
        String problem = urlProblem(config.location());
        if (problem != null) {
            return ConnectionReport.failed(problem);
        }
        long start = System.nanoTime();
        try {
            if (config.kind() == BackendKind.OLLAMA) {
                List<String> models = ollamaModels(config);
                return ConnectionReport.models(models, since(start), ServerKind.OLLAMA);
            }
            List<ModelDescription> listed = openAiModels(config);
            Duration latency = since(start);
            return ConnectionReport.models(
                    listed.stream().map(ModelDescription::name).toList(), latency, openAiServer(config, listed));
        } catch (RuntimeException e) {
            return ConnectionReport.failed(reason(config, e));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Which server speaks the OpenAI protocol at {@code config}: first from the owner its models name, then
     * from the endpoints only one kind of server answers at its root (llama.cpp's {@code /props}, LM Studio's
     * {@code /api/v0/models}, Ollama's {@code /api/version}).
     */
    private ServerKind openAiServer(BackendConfig config, List<ModelDescription> listed) {
        for (ModelDescription model : listed) {
            ServerKind owned = ServerKind.ownedBy(model.owner());
            if (owned != null) {
                return owned;
            }
        }
        ServerRoot root = new ServerRoot(config, timeout);
        if (root.answers("/props")) {
            return ServerKind.LLAMA_CPP;
        }
        if (root.answers("/api/v0/models")) {
            return ServerKind.LM_STUDIO;
        }
        if (root.answers("/api/version")) {
            return ServerKind.OLLAMA;
        }
        return ServerKind.OPENAI_COMPATIBLE;
    }

    private List<String> ollamaModels(BackendConfig config) {
        return OllamaModels.builder()
                .httpClientBuilder(Providers.http())
                .baseUrl(config.location())
                .timeout(timeout)
                .maxRetries(0)
                .build()
                .availableModels()
                .content()
                .stream()
                .map(OllamaModel::getName)
                .toList();
    }

    private List<ModelDescription> openAiModels(BackendConfig config) {
        return OpenAiModelCatalog.builder()
                .httpClientBuilder(Providers.http())
                .baseUrl(config.location())
                .apiKey(OpenAiBackend.key(config))
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .build()
                .listModels();
    }

    private static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "No server URL given";
        }
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return "'" + url + "' is not an http:// or https:// URL";
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            return "'" + url + "' is not a valid URL: " + e.getReason() + " at character " + (e.getIndex() + 1);
        }
    }

    private String reason(BackendConfig config, RuntimeException error) {
        String url = config.location();
        String listing = config.kind() == BackendKind.OLLAMA ? "GET /api/tags" : "GET /models";
        String kind = config.kind() == BackendKind.OLLAMA ? "an Ollama server" : "an OpenAI-compatible server";
        Integer status = status(error);
        if (causedBy(error, UnresolvedModelServerException.class)
                || causedBy(error, java.net.UnknownHostException.class)) {
            return "Unknown host: " + url + " cannot be resolved";
        }
        return switch (FailureKind.of(error)) {
            case REFUSED -> "Connection refused: nothing is listening at " + url + ". Is the server running?";
            case TIMEOUT ->
                "Timed out: " + url + " did not answer within "
                        + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms");
            case UNAUTHORIZED -> status + " Unauthorized: " + url + " wants a valid API key";
            case SERVER_ERROR -> url + " failed with HTTP " + status + " (" + listing + ")";
            case CONNECTION -> "The connection to " + url + " broke: " + firstLine(error);
            case CLIENT_ERROR, OTHER ->
                url + " answered, but not as " + kind + " ("
                        + listing + ": "
                        + (status != null
                                ? "HTTP " + status
                                : causedBy(error, JsonProcessingException.class)
                                        ? "the answer is not its JSON"
                                        : firstLine(error))
                        + ")";
        };
    }

    private static Integer status(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode();
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
