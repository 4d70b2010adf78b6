package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.ImportFormat;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.SourceLocation;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * How to read one file: its format, encoding and CSV delimiter, as the user chose or as detected. A second
 * reading of the same file uses the settings (and the columns) the first one found.
 */
record SourceSettings(Path file, ImportFormat format, Charset encoding, char delimiter, Boolean header) {

    private static final char[] DELIMITERS = {',', '\t', ';', '|'};
    private static final int SNIFF_CHARS = 64 * 1024;

    static SourceSettings resolve(ImportOptions options) {
        Path file = options.file();
        String name = SourceText.name(file);
        SourceText.requireRegularFile(file, name);
        ImportFormat format = options.format() != null
                ? options.format()
                : ImportFormat.fromFileName(name)
                        .orElseThrow(() -> new DatasetImportException(
                                SourceLocation.file(name),
                                "cannot tell the format from the file name: choose csv, tsv, jsonl or json."));
        Charset encoding;
        Character delimiter = options.delimiter();
        try (SourceText text = SourceText.open(file, options.encoding())) {
            encoding = text.encoding();
            if (delimiter == null && format == ImportFormat.CSV) {
                delimiter = sniff(text);
            }
        }
        if (delimiter == null) {
            delimiter = format == ImportFormat.TSV ? '\t' : ',';
        }
        return new SourceSettings(file, format, encoding, delimiter, options.header());
    }

    String fileName() {
        return SourceText.name(file);
    }

    /** Opens a reader at the file's start; {@code knownColumns} keeps JSON keys where a first reading put them. */
    RecordReader open(List<String> knownColumns) {
        SourceText text = SourceText.open(file, encoding);
        try {
            return switch (format) {
                case CSV, TSV -> new CsvRecordReader(text, fileName(), delimiter, header);
                case JSONL -> new JsonLinesRecordReader(text, fileName(), knownColumns);
                case JSON -> new JsonArrayRecordReader(text, fileName(), knownColumns);
            };
        } catch (RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /** These settings with the header decision a first reading made, so the second reads the same way. */
    SourceSettings withHeader(boolean hasHeader) {
        return new SourceSettings(file, format, encoding, delimiter, hasHeader);
    }

    /**
     * The delimiter that splits the first records into the same number of fields most often, counting only
     * outside quotes; commas win ties, and a file with none of them is one column.
     */
    private static char sniff(SourceText text) {
        char[] sample = new char[SNIFF_CHARS];
        int n;
        try {
            n = text.reader().read(sample, 0, sample.length);
            while (n > 0 && n < sample.length) {
                int more = text.reader().read(sample, n, sample.length - n);
                if (more < 0) {
                    break;
                }
                n += more;
            }
        } catch (IOException e) {
            return ',';
        }
        char best = ',';
        int bestScore = 0;
        for (char d : DELIMITERS) {
            int score = consistency(sample, Math.max(n, 0), d);
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /** How many of the sample's complete records have the most common non-zero count of {@code d}. */
    private static int consistency(char[] sample, int n, char d) {
        java.util.Map<Integer, Integer> byCount = new java.util.HashMap<>();
        boolean quoted = false;
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = sample[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == d) {
                count++;
            } else if (!quoted && c == '\n') {
                if (count > 0) {
                    byCount.merge(count, 1, Integer::sum);
                }
                count = 0;
            }
        }
        if (n < sample.length && count > 0) {
            byCount.merge(count, 1, Integer::sum); // the last record of a short file has no line break
        }
        return byCount.values().stream().max(Integer::compare).orElse(0);
    }
}
