package io.siftbench.storage.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Reads JSON Lines: one object per line, blank lines ignored. Each line is parsed on its own, so a broken
 * line is reported with its number and, with "skip bad rows", skipped without losing the lines after it.
 */
final class JsonLinesRecordReader implements RecordReader {

    private final SourceText text;
    private final String file;
    private final BufferedReader lines;
    private final ColumnNames names;
    private long line;

    JsonLinesRecordReader(SourceText text, String file, List<String> knownColumns) {
        this.text = text;
        this.file = file;
        this.lines = new BufferedReader(text.reader(), 1 << 16);
        this.names = new ColumnNames(knownColumns);
    }

    @Override
    public List<String> columns() {
        return names.list();
    }

    @Override
    public String unit() {
        return "line";
    }

    @Override
    public RawRow next() {
        String current;
        try {
            do {
                current = lines.readLine();
                line++;
            } while (current != null && current.isBlank());
        } catch (IOException e) {
            throw ReadFailures.of(SourceLocation.line(file, line), e);
        }
        if (current == null) {
            return null;
        }
        try (JsonParser p = JsonObjects.FACTORY.createParser(current)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new BadRowException(new DatasetImportException(
                        SourceLocation.line(file, line),
                        "expected a JSON object but found " + JsonObjects.describe(first) + "."));
            }
            RawRow row;
            try {
                row = JsonObjects.read(p, names, SourceLocation.line(file, line));
            } catch (IOException e) {
                SourceLocation where = SourceLocation.line(file, line);
                String column = JsonObjects.fieldOfRecord(p, 1);
                throw new BadRowException(ReadFailures.of(column == null ? where : where.column(column), e));
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new BadRowException(new DatasetImportException(
                        SourceLocation.line(file, line),
                        "the line holds more than one JSON value (found " + JsonObjects.describe(after)
                                + " after the object)."));
            }
            return row;
        } catch (IOException e) {
            throw new BadRowException(ReadFailures.of(SourceLocation.line(file, line), e));
        }
    }

    @Override
    public long bytesRead() {
        return text.bytesRead();
    }

    @Override
    public void close() {
        text.close();
    }
}
