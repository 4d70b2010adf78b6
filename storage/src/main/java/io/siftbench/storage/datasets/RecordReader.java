package io.siftbench.storage.datasets;

import java.util.List;

/** Reads the records of one source file in order, one at a time, never the whole file. */
interface RecordReader extends AutoCloseable {

    /** The source's column names so far; JSON readers add names as new keys appear. */
    List<String> columns();

    /** "line" or "record": what {@link RawRow#source()} counts. */
    String unit();

    /**
     * The next record, or {@code null} at the end.
     *
     * @throws io.siftbench.model.datasets.DatasetImportException when the file cannot be read on from here
     */
    RawRow next();

    /** Bytes of the file read so far, for progress. */
    long bytesRead();

    @Override
    void close();
}
