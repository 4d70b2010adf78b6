package io.siftbench.app.backends;

import io.siftbench.app.backends.LoopbackServer.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket server that starts a streamed answer on its first connection and then drops the TCP
 * connection mid-stream, the way a crashing server does; later connections get the whole stream. The JDK
 * HTTP server cannot do this: it always ends a chunked answer cleanly.
 */
final class CuttingServer implements AutoCloseable {

    private final Protocol protocol;
    private final ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    private final AtomicInteger connections = new AtomicInteger();

    CuttingServer(Protocol protocol) throws IOException {
        this.protocol = protocol;
        Thread accept = new Thread(this::serve, "cutting-server");
        accept.setDaemon(true);
        accept.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + (protocol == Protocol.OPENAI ? "/v1" : "");
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                readRequest(client.getInputStream());
                OutputStream out = client.getOutputStream();
                String type = protocol == Protocol.OLLAMA ? "application/x-ndjson" : "text/event-stream";
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n"
                                + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                chunk(out, event("{\"label\": "));
                if (connections.incrementAndGet() == 1) {
                    out.flush();
                    continue; // closing the socket now: no final chunk, a connection dropped mid-answer
                }
                chunk(out, event("\"card_arrival\"}"));
                chunk(
                        out,
                        protocol == Protocol.OLLAMA
                                ? "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                                        + "\"done_reason\":\"stop\",\"prompt_eval_count\":9,\"eval_count\":2}\n"
                                : "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"
                                        + "\n\ndata: [DONE]\n\n");
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // The socket was closed: the test is over.
            }
        }
    }

    private String event(String piece) {
        String content = piece.replace("\"", "\\\"");
        return protocol == Protocol.OLLAMA
                ? "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"" + content
                        + "\"},\"done\":false}\n"
                : "data: {\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
                        + "\"}}]}\n\n";
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads the request head and its Content-Length body, so the client is not cut off while sending. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
        }
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
