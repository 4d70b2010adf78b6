package io.siftbench.model.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** How one item becomes one JSON object of a JSON Lines file. */
@FunctionalInterface
interface JsonShape<T> {

    void write(JsonGenerator json, T item) throws IOException;
}
