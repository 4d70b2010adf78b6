package io.siftbench.model.datasets;

import java.util.Locale;
import java.util.Optional;

/** The file formats a dataset can be imported from; any of them may be gzip-compressed. */
public enum ImportFormat {
    CSV,
    TSV,
    JSONL,
    JSON;

    /** The format a file name implies ({@code .csv}, {@code .tsv}, {@code .jsonl}/{@code .ndjson}, {@code .json}, each optionally {@code .gz}). */
    public static Optional<ImportFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return Optional.of(TSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    /** Parses a user's choice such as {@code "csv"}, with a message naming the choices when it is none of them. */
    public static ImportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown format '" + text + "': choose csv, tsv, jsonl or json.", e);
        }
    }
}
