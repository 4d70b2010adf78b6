package io.siftbench.app.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OpenAI files and batches API ({@code /v1/files}, {@code /v1/batches}) on a {@link LoopbackServer}: a
 * batch's lines are each sent to the server's own chat endpoint, in the background, so each is answered as a
 * live request to that server would be, and its output file holds the answers in the batch-output form.
 */
public final class LoopbackBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> batches = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> uploadedPurposes = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LoopbackBatches(LoopbackServer server) {
        this.server = server;
    }

    /** The batches API on {@code server}, beside its chat endpoint. */
    public static LoopbackBatches on(LoopbackServer server) {
        LoopbackBatches api = new LoopbackBatches(server);
        server.handling("/v1/files", api::files);
        server.handling("/v1/batches", api::batches);
        return api;
    }

    /** The purpose each upload named. */
    public List<String> uploadedPurposes() {
        return uploadedPurposes;
    }

    /**
     * The batch-output lines for {@code input}'s lines: each body sent to the chat endpoint at {@code chatUrl} (a
     * server's {@code /v1/chat/completions}), its status and answer kept under the line's custom id.
     */
    public static List<String> answers(String chatUrl, List<String> input) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String text : input) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = JSON.readTree(text);
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(chatUrl))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    line.get("body").toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            ObjectNode response = JSON.createObjectNode()
                    .put("status_code", answer.statusCode())
                    .put("request_id", "req-" + ++n);
            response.set("body", JSON.readTree(answer.body()));
            ObjectNode output = JSON.createObjectNode()
                    .put("id", "batch_req_" + n)
                    .put("custom_id", line.get("custom_id").asText());
            output.set("response", response);
            output.putNull("error");
            out.add(output.toString());
        }
        return out;
    }

    private void files(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (ex.getRequestMethod().equals("POST") && path.equals("/v1/files")) {
                upload(ex);
            } else if (ex.getRequestMethod().equals("GET") && path.endsWith("/content")) {
                String id = path.substring("/v1/files/".length(), path.length() - "/content".length());
                byte[] content = files.get(id);
                if (content == null) {
                    send(ex, 404, "{\"error\":{\"message\":\"no file " + id + "\"}}");
                } else {
                    ex.sendResponseHeaders(200, content.length);
                    ex.getResponseBody().write(content);
                }
            } else {
                send(ex, 404, "{\"error\":{\"message\":\"not here\"}}");
            }
        } finally {
            ex.close();
        }
    }

    /** A multipart upload: its purpose field and its file part. */
    private void upload(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String content = null;
        for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = part.substring(0, split);
            String value = part.substring(split + 4, part.length() - 2); // the part ends with CRLF
            if (headers.contains("name=\"purpose\"")) {
                uploadedPurposes.add(value);
            } else if (headers.contains("name=\"file\"")) {
                content = value;
            }
        }
        if (content == null) {
            send(ex, 400, "{\"error\":{\"message\":\"no file part\"}}");
            return;
        }
        String id = "file-" + ids.incrementAndGet();
        files.put(id, content.getBytes(StandardCharsets.UTF_8));
        send(ex, 200, "{\"id\":\"" + id + "\",\"object\":\"file\",\"purpose\":\"batch\"}");
    }

    private void batches(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (ex.getRequestMethod().equals("POST") && path.equals("/v1/batches")) {
                create(ex);
            } else if (ex.getRequestMethod().equals("GET") && path.equals("/v1/batches")) {
                send(ex, 200, "{\"object\":\"list\",\"data\":[]}");
            } else if (ex.getRequestMethod().equals("POST") && path.endsWith("/cancel")) {
                ObjectNode batch = batches.get(path.split("/")[3]);
                synchronized (batch) {
                    batch.put("status", "cancelled");
                    send(ex, 200, batch.toString());
                }
            } else {
                ObjectNode batch = batches.get(path.substring("/v1/batches/".length()));
                if (batch == null) {
                    send(ex, 404, "{\"error\":{\"message\":\"no such batch\"}}");
                } else {
                    synchronized (batch) {
                        send(ex, 200, batch.toString());
                    }
                }
            }
        } finally {
            ex.close();
        }
    }

    private void create(HttpExchange ex) throws IOException {
        JsonNode asked = JSON.readTree(ex.getRequestBody());
        byte[] input = files.get(asked.path("input_file_id").asText());
        if (input == null || !asked.path("endpoint").asText().equals("/v1/chat/completions")) {
            send(ex, 400, "{\"error\":{\"message\":\"bad batch\"}}");
            return;
        }
        String id = "batch_" + ids.incrementAndGet();
        List<String> lines = new String(input, StandardCharsets.UTF_8).lines().toList();
        ObjectNode batch =
                JSON.createObjectNode().put("id", id).put("object", "batch").put("status", "in_progress");
        batch.putObject("request_counts")
                .put("total", lines.size())
                .put("completed", 0)
                .put("failed", 0);
        batches.put(id, batch);
        send(ex, 200, batch.toString());
        Thread worker = new Thread(() -> {
            try {
                List<String> output = answers(server.url() + "/chat/completions", lines);
                String outputId = "file-" + ids.incrementAndGet();
                files.put(outputId, String.join("\n", output).getBytes(StandardCharsets.UTF_8));
                synchronized (batch) {
                    ((ObjectNode) batch.get("request_counts")).put("completed", output.size());
                    batch.put("output_file_id", outputId);
                    batch.put("status", "completed");
                }
            } catch (IOException | InterruptedException e) {
                synchronized (batch) {
                    batch.put("status", "failed");
                }
            }
        });
        worker.setDaemon(true);
        worker.start();
    }

    private static void send(HttpExchange ex, int code, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
