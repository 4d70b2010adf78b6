package io.siftbench.app.backends;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Checks that a path is a GGUF model file before llama.cpp is handed it (it crashes on some bad files). */
final class GgufFile {

    private static final byte[] MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);

    private GgufFile() {}

    /** The reason {@code file} cannot be loaded, or null where it looks like a GGUF model. */
    static String problem(Path file) {
        if (!Files.exists(file)) {
            return "The model file " + file + " does not exist";
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return "The model file " + file + " is not a readable file";
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return Arrays.equals(head, MAGIC)
                    ? null
                    : file + " is not a GGUF file: it does not start with the bytes 'GGUF'";
        } catch (IOException e) {
            return "The model file " + file + " cannot be read: " + e.getMessage();
        }
    }
}
