package io.siftbench.storage.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.SourceLocation;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

/** Turns what a parser or the file threw into a message that says where and what, in the user's words. */
final class ReadFailures {

    /** The longest value one field may hold, in characters: H2's limit for a character string. */
    static final int MAX_VALUE_CHARS = 1_000_000;

    /** Parser limits: values up to {@link #MAX_VALUE_CHARS}, nesting no deeper than 1,000 levels. */
    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(MAX_VALUE_CHARS)
            .maxNestingDepth(1000)
            .maxNumberLength(1000)
            .build();

    private ReadFailures() {
    }

    static DatasetImportException of(SourceLocation where, IOException e) {
        if (e instanceof StreamConstraintsException limit) {
            String m = String.valueOf(limit.getOriginalMessage());
            if (m.contains("nesting depth")) {
                return new DatasetImportException(where,
                        "the JSON is nested more than 1,000 levels deep, deeper than Siftbench reads.", e);
            }
            if (m.contains("String value length") || m.contains("String length")) {
                return new DatasetImportException(where, String.format(
                        "a value is longer than %,d characters, the most one field may hold.", MAX_VALUE_CHARS), e);
            }
            return new DatasetImportException(where, m, e);
        }
        if (e instanceof EOFException || e instanceof ZipException) {
            return new DatasetImportException(where, "the gzip data is truncated or corrupt: the file ends before the "
                    + "compressed data does (" + e.getMessage() + ").", e);
        }
        if (e instanceof JsonProcessingException parse) {
            return new DatasetImportException(where, describe(parse), e);
        }
        return new DatasetImportException(where, "cannot read the file: " + e.getMessage(), e);
    }

    /** The first line of a parser's message, without the location Jackson appends (the caller gives a better one). */
    static String firstLine(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        String first = m == null ? "malformed input" : m.lines().findFirst().orElse(m);
        int marker = first.indexOf(" (start marker at");
        return marker >= 0 ? first.substring(0, marker) : first;
    }

    /** Jackson's words, made plainer where they are known. */
    private static String describe(JsonProcessingException e) {
        String first = firstLine(e);
        if (first.startsWith("Unexpected end-of-input: expected close marker for Array")) {
            return "the file ends before the array is closed with ']'.";
        }
        if (first.startsWith("Missing closing quote")) {
            return "a quoted value is never closed: its opening quote has no closing quote before the end of the file.";
        }
        if (first.startsWith("Unexpected end-of-input")) {
            return "the JSON ends in the middle of a value (" + first + ").";
        }
        return "malformed input: " + first;
    }
}
