package io.siftbench.storage.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.SourceLocation;
import java.io.IOException;
import java.util.List;

/** Reads a JSON file that holds one array of objects, streaming element by element. */
final class JsonArrayRecordReader implements RecordReader {

    private final SourceText text;
    private final String file;
    private final JsonParser parser;
    private final ColumnNames names;
    private long record;
    private boolean ended;

    JsonArrayRecordReader(SourceText text, String file, List<String> knownColumns) {
        this.text = text;
        this.file = file;
        this.names = new ColumnNames(knownColumns);
        try {
            parser = JsonObjects.FACTORY.createParser(text.reader());
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new DatasetImportException(
                        SourceLocation.line(file, parser.currentTokenLocation().getLineNr()),
                        "a JSON file must hold an array of objects, but it starts with "
                                + (first == null ? "nothing" : JsonObjects.describe(first)) + "."
                                + (first == JsonToken.START_OBJECT
                                        ? " (For one object per line, use the jsonl format.)"
                                        : ""));
            }
        } catch (IOException e) {
            throw ReadFailures.of(SourceLocation.record(file, 1), e);
        }
    }

    @Override
    public List<String> columns() {
        return names.list();
    }

    @Override
    public String unit() {
        return "record";
    }

    @Override
    public RawRow next() {
        if (ended) {
            return null;
        }
        boolean inside = false;
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                ended = true;
                requireEnd();
                return null;
            }
            if (t == null) {
                throw new DatasetImportException(
                        SourceLocation.record(file, record + 1), "the file ends before the array is closed with ']'.");
            }
            record++;
            inside = true;
            if (t != JsonToken.START_OBJECT) {
                parser.skipChildren();
                throw new BadRowException(new DatasetImportException(
                        SourceLocation.record(file, record),
                        "expected a JSON object but found " + JsonObjects.describe(t) + " (line "
                                + parser.currentTokenLocation().getLineNr() + ")."));
            }
            return JsonObjects.read(parser, names, SourceLocation.record(file, record));
        } catch (IOException e) {
            // Between records the blame goes to the record that should have come next.
            SourceLocation where = SourceLocation.record(file, inside ? record : record + 1);
            String column = inside ? JsonObjects.fieldOfRecord(parser, 2) : null;
            throw ReadFailures.of(column == null ? where : where.column(column), e);
        }
    }

    /** Nothing but white space may follow the array. */
    private void requireEnd() {
        long line = parser.currentTokenLocation().getLineNr();
        try {
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new DatasetImportException(
                        SourceLocation.line(file, line),
                        "there is more after the array's end: " + JsonObjects.describe(after) + ".");
            }
        } catch (IOException e) {
            SourceLocation where = SourceLocation.line(file, line);
            String problem = ReadFailures.of(where, e).problem();
            throw new DatasetImportException(
                    where,
                    "there is more after the array's end ("
                            + (problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem) + ").",
                    e);
        }
    }

    @Override
    public long bytesRead() {
        return text.bytesRead();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Closing a file we only read cannot lose data.
        }
        text.close();
    }
}
