package io.siftbench.model.export;

import java.io.Closeable;
import java.io.IOException;

/** One data file being written, one item at a time, so that an export of any size needs little memory. */
interface ExportFile<T> extends Closeable {

    void write(T item) throws IOException;
}
