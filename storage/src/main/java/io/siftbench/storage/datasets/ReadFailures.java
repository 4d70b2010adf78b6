package io.siftbench.storage.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.SourceLocation;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns what a parser or the file threw into a message that says where and what, in the user's words. */
final class ReadFailures {

    /** The longest value one field may hold, in characters: H2's limit for a character string. */
    static final int MAX_VALUE_CHARS = 1_000_000;

    private static final int MAX_NUMBER_CHARS = 1000;
    /** Keys longer than a column name may be (inside nested values) are read, up to this. */
    private static final int MAX_NAME_CHARS = 50_000;

    /** Parser limits: values up to {@link #MAX_VALUE_CHARS}, nesting no deeper than 1,000 levels. */
    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(MAX_VALUE_CHARS)
            .maxNestingDepth(1000)
            .maxNumberLength(MAX_NUMBER_CHARS)
            .maxNameLength(MAX_NAME_CHARS)
            .build();

    private ReadFailures() {}

    static DatasetImportException of(SourceLocation where, IOException e) {
        if (e instanceof StreamConstraintsException limit) {
            return new DatasetImportException(where, beyondLimit(String.valueOf(limit.getOriginalMessage())), e);
        }
        if (e instanceof GzipMembers.GzipDamage) {
            // A byte offset says more than the line the parser had reached.
            return new DatasetImportException(SourceLocation.file(where.file()), e.getMessage(), e);
        }
        if (e instanceof JsonProcessingException parse) {
            return new DatasetImportException(
                    where, SyntaxProblems.describe(parse, where.unit().equals("record") ? "the file" : "the line"), e);
        }
        if (e instanceof NoSuchFileException missing) {
            return new DatasetImportException(where, "the file does not exist (" + missing.getFile() + ").", e);
        }
        if (e instanceof AccessDeniedException) {
            return new DatasetImportException(where, "Siftbench may not read the file (permission denied).", e);
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return new DatasetImportException(
                where, "cannot read the file" + (reason == null ? "." : ": " + reason + "."), e);
    }

    /** A parser limit, said as the limit of what one field may hold. */
    private static String beyondLimit(String m) {
        if (m.contains("nesting depth")) {
            return "the JSON is nested more than 1,000 levels deep, deeper than Siftbench reads.";
        }
        if (m.contains("String value length") || m.contains("String length")) {
            return String.format(
                    "a value is longer than %,d characters, the most one field may hold.", MAX_VALUE_CHARS);
        }
        if (m.contains("Number value length")) {
            return String.format(
                    "a number is longer than %,d digits, the longest Siftbench reads; put it in quotes to "
                            + "keep it as text.",
                    MAX_NUMBER_CHARS);
        }
        if (m.contains("Name length")) {
            return String.format(
                    "a field name is longer than %,d characters, the longest Siftbench reads.", MAX_NAME_CHARS);
        }
        return "the file goes beyond what Siftbench reads.";
    }
}
