package io.siftbench.app.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siftbench.model.backends.BackendConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * The OpenAI files and batches API of an OpenAI-compatible server ({@code /v1/files}, {@code /v1/batches}): upload
 * a batch-input file, create its batch, read its status, fetch its output. langchain4j has no client for it, so
 * this is the JDK's, HTTP/1.1 as {@link Providers#http} is, with the backend's key where it has one.
 */
public final class ServerBatches {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** The statuses after which a batch changes no more. */
    private static final Set<String> FINAL = Set.of("completed", "failed", "expired", "cancelled");

    /**
     * A batch as the server reports it.
     *
     * @param outputFileId the answered requests' file, null until there is one
     * @param errorFileId  the failed requests' file (same line form), null when none failed
     * @param errors       what the server said was wrong with the batch itself, or null
     */
    public record Status(
            String id,
            String status,
            int total,
            int completed,
            int failed,
            String outputFileId,
            String errorFileId,
            String errors) {

        public boolean finished() {
            return FINAL.contains(status);
        }
    }

    private final BackendConfig config;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public ServerBatches(BackendConfig config) {
        this.config = config;
    }

    /** Whether the server answers {@code GET /v1/batches}: it offers the batches API. */
    public boolean offered() throws InterruptedException {
        try {
            return send(request("/batches?limit=1").GET(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Uploads {@code file} with purpose "batch"; returns its id on the server. */
    public String upload(Path file) throws IOException, InterruptedException {
        String boundary = "siftbench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n");
        body.write("batch\r\n".getBytes(StandardCharsets.UTF_8));
        part(
                body,
                boundary,
                "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                        + "\"\r\nContent-Type: application/jsonl\r\n\r\n");
        Files.copy(file, body);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = json(
                "upload the batch file",
                request("/files")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        return text(answer, "id", "upload the batch file");
    }

    private static void part(OutputStream body, String boundary, String headers) throws IOException {
        body.write(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the batch of uploaded file {@code fileId}, each line to {@code endpoint}. */
    public Status create(String fileId, String endpoint) throws IOException, InterruptedException {
        ObjectNode asked = JSON.createObjectNode()
                .put("input_file_id", fileId)
                .put("endpoint", endpoint)
                .put("completion_window", "24h");
        return statusOf(json(
                "create the batch",
                request("/batches")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(asked.toString()))));
    }

    public Status status(String batchId) throws IOException, InterruptedException {
        return statusOf(
                json("read batch " + batchId, request("/batches/" + batchId).GET()));
    }

    /** Asks the server to stop the batch; what it already answered stays in its output. */
    public Status cancel(String batchId) throws IOException, InterruptedException {
        return statusOf(json(
                "cancel batch " + batchId,
                request("/batches/" + batchId + "/cancel").POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** Appends the content of file {@code fileId} to {@code out}. */
    public void download(String fileId, OutputStream out) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer =
                send(request("/files/" + fileId + "/content").GET(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw refused(
                    "download file " + fileId, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        }
        out.write(answer.body());
    }

    private HttpRequest.Builder request(String path) {
        String base = config.location().endsWith("/")
                ? config.location().substring(0, config.location().length() - 1)
                : config.location();
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (config.hasApiKey()) {
            builder.header("Authorization", "Bearer " + config.apiKey());
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return http.send(request.build(), handler);
    }

    private JsonNode json(String what, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw refused(what, answer.statusCode(), answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IOException(
                    config.location() + " answered a request to " + what + " with something that is not JSON", e);
        }
    }

    private IOException refused(String what, int status, String body) {
        String said = body == null ? "" : body.lines().findFirst().orElse("");
        return new IOException("Could not " + what + " on " + config.location() + ": HTTP " + status
                + (said.isBlank() ? "" : " (" + (said.length() > 200 ? said.substring(0, 200) + "…" : said) + ")"));
    }

    private String text(JsonNode answer, String field, String what) throws IOException {
        if (!answer.path(field).isTextual()) {
            throw new IOException(config.location() + " answered a request to " + what + " without its " + field);
        }
        return answer.get(field).asText();
    }

    private Status statusOf(JsonNode batch) throws IOException {
        JsonNode counts = batch.path("request_counts");
        JsonNode errors = batch.path("errors");
        return new Status(
                text(batch, "id", "read a batch"),
                batch.path("status").asText("unknown"),
                counts.path("total").asInt(),
                counts.path("completed").asInt(),
                counts.path("failed").asInt(),
                batch.path("output_file_id").isTextual()
                        ? batch.get("output_file_id").asText()
                        : null,
                batch.path("error_file_id").isTextual()
                        ? batch.get("error_file_id").asText()
                        : null,
                errors.isMissingNode() || errors.isNull() ? null : errors.toString());
    }
}
