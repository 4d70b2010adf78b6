package io.siftbench.model.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.nio.file.Path;

/** A JSON Lines file written by a Jackson generator: one object per line, UTF-8, no trailing comma. */
final class JsonLinesFile<T> implements ExportFile<T> {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private final JsonShape<T> shape;
    private boolean empty = true;

    JsonLinesFile(Path file, JsonShape<T> shape) throws IOException {
        this.json = FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8);
        // Root values separated by a newline and nothing else: exactly one record per line.
        this.json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
        this.shape = shape;
    }

    @Override
    public void write(T item) throws IOException {
        shape.write(json, item);
        empty = false;
    }

    @Override
    public void close() throws IOException {
        if (!empty) {
            json.writeRaw('\n');
        }
        json.close();
    }
}
