package io.siftbench.app.backends;

import io.siftbench.model.testing.SharedFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real llama.cpp server from {@code ../shared/bin} serving the tiny {@code stories260K} model on a free
 * loopback port, ready once {@code /health} answers 200. A test that uses it is skipped, with the reason
 * printed, where {@code ../shared} is absent.
 */
public final class LlamaServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private LlamaServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static LlamaServerProcess start(Path logFile) throws IOException, InterruptedException {
        Path binary = SharedFixtures.require("bin/llama-server");
        Path model = SharedFixtures.require("models/stories260K.gguf");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "-m",
                        model.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "-c",
                        "4096",
                        "-t",
                        "1",
                        "-np",
                        "2",
                        "-a",
                        "stories260K")
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        LlamaServerProcess server = new LlamaServerProcess(process, port);
        server.awaitHealthy(logFile);
        return server;
    }

    /** The base URL an OpenAI-compatible backend is configured with. */
    public String url() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    private void awaitHealthy(Path logFile) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("llama-server exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("llama-server did not become healthy within 30 s; see " + logFile);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
