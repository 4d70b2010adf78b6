package io.siftbench.model.datasets;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The outcome of a finished import.
 *
 * @param skippedRows     how many malformed rows were skipped (only with "skip bad rows")
 * @param skippedRowsFile the CSV list of the skipped rows (location, column, reason), or {@code null} when none was skipped
 * @param encoding        the encoding the file was read in, with its byte order (UTF-16LE, not UTF-16)
 */
public record ImportReport(
        DatasetInfo dataset, long skippedRows, Path skippedRowsFile, Duration elapsed, Charset encoding) {}
