package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.SourceLocation;
import io.siftbench.model.project.ProjectException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The rows "skip bad rows" left out: remembered by their line or record number so that the storing pass
 * skips the same ones, and listed as CSV (line or record, column, problem) for the user to download.
 */
final class SkippedRows implements AutoCloseable {

    private final Path requested;
    private final Set<Long> sources = new HashSet<>();
    private Path file;
    private BufferedWriter out;

    /** @param requested where to write the list; {@code null} for a temporary file */
    SkippedRows(Path requested) {
        this.requested = requested;
    }

    void add(DatasetImportException problem) {
        SourceLocation where = problem.location();
        sources.add(where.number());
        try {
            if (out == null) {
                file = requested != null ? requested : Files.createTempFile("siftbench-skipped-rows-", ".csv");
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write(where.unit() + ",column,problem\n");
            }
            out.write(where.number() + "," + csv(columnName(where.column())) + "," + csv(problem.problem()) + "\n");
        } catch (IOException e) {
            throw new ProjectException("Cannot write the list of skipped rows to " + file + ": " + e.getMessage(), e);
        }
    }

    boolean contains(long source) {
        return sources.contains(source);
    }

    long count() {
        return sources.size();
    }

    /** The list, or {@code null} when no row was skipped. */
    Path file() {
        return file;
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new ProjectException(
                        "Cannot write the list of skipped rows to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The column as named in the file, without the quotes the message puts around it. */
    private static String columnName(String shown) {
        if (shown == null) {
            return "";
        }
        return shown.length() >= 2 && shown.startsWith("\"") && shown.endsWith("\"")
                ? shown.substring(1, shown.length() - 1)
                : shown;
    }

    private static String csv(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
