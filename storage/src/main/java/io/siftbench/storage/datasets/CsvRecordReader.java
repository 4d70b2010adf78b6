package io.siftbench.storage.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV or TSV with Jackson's streaming CSV parser: quoted fields may hold delimiters, doubled quotes and
 * line breaks; CRLF and LF both end a record. The header is the first record unless the user says otherwise.
 */
final class CsvRecordReader implements RecordReader {

    private static final CsvFactory FACTORY =
            CsvFactory.builder().streamReadConstraints(ReadFailures.CONSTRAINTS).build();

    private final SourceText text;
    private final String file;
    private final CsvParser parser;
    private final List<String> columns;
    private final boolean header;
    private RawRow pending;
    private String[] cells = new String[16];
    /**
     * The line the last value read ends on. A value the parser cannot finish (a quote left open) starts where the
     * one before it ended, or on the next line when it is a row's first: the line a user must look at, where the
     * parser itself only knows where it gave up, often thousands of lines further on.
     */
    private long lastValueEnd;
    /** Whether the last thing read ended a row, so that the next value starts a new line. */
    private boolean rowEnded = true;

    /**
     * @param delimiter the field delimiter (already chosen or sniffed)
     * @param header    whether the first record names the columns; {@code null} to detect it
     */
    CsvRecordReader(SourceText text, String file, char delimiter, Boolean header) {
        this.text = text;
        this.file = file;
        try {
            parser = FACTORY.createParser(text.reader());
        } catch (IOException e) {
            throw ReadFailures.of(SourceLocation.file(file), e);
        }
        parser.setSchema(CsvSchema.emptySchema()
                .withColumnSeparator(delimiter)
                .withQuoteChar('"')
                .withoutEscapeChar());
        parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        RawRow first = read();
        if (first == null) {
            throw new DatasetImportException(
                    SourceLocation.file(file), "the file holds no records (only blank lines).");
        }
        this.header = header != null ? header : looksLikeHeader(first);
        if (first.width() > DatasetTable.MAX_COLUMNS) {
            throw new DatasetImportException(
                    SourceLocation.line(file, first.source()),
                    String.format(
                            this.header
                                    ? "the header has %,d columns, more than the %,d a dataset can hold."
                                    : "the first row has %,d fields, more than the %,d columns a dataset can hold.",
                            first.width(),
                            DatasetTable.MAX_COLUMNS));
        }
        if (this.header) {
            columns = List.copyOf(Arrays.asList(first.values()).subList(0, first.width()).stream()
                    .map(v -> v == null ? "" : v)
                    .toList());
        } else {
            List<String> generated = new ArrayList<>();
            for (int i = 1; i <= first.width(); i++) {
                generated.add("column_" + i);
            }
            columns = List.copyOf(generated);
            pending = first;
        }
    }

    boolean header() {
        return header;
    }

    /** Where the header is, for a message about a column name. */
    SourceLocation headerLocation() {
        return SourceLocation.line(file, 1);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String unit() {
        return "line";
    }

    @Override
    public RawRow next() {
        if (pending != null) {
            RawRow row = pending;
            pending = null;
            return row;
        }
        RawRow row = read();
        if (row == null) {
            return null;
        }
        // Rows keep the header's width; the field count says whether the row was ragged.
        String[] values = Arrays.copyOf(row.values(), columns.size());
        return new RawRow(row.source(), values, null, row.width());
    }

    /** The next non-blank record with exactly its own fields. */
    private RawRow read() {
        long line = 0;
        int width = 0;
        try {
            while (true) {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    return null;
                }
                if (t == JsonToken.START_ARRAY) {
                    if (parser.getParsingContext().getParent().inRoot()) {
                        continue; // the array that wraps the whole file
                    }
                    width = 0;
                    line = 0;
                    continue;
                }
                if (t == JsonToken.VALUE_STRING) {
                    if (width == 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    if (width == cells.length) {
                        cells = Arrays.copyOf(cells, width * 2);
                    }
                    String v = parser.getText();
                    cells[width++] = v.isEmpty() ? null : v;
                    lastValueEnd = parser.currentTokenLocation().getLineNr() + lineBreaks(v);
                    rowEnded = false;
                    continue;
                }
                if (t == JsonToken.END_ARRAY && !parser.getParsingContext().inRoot()) {
                    rowEnded = true;
                    if (width == 1 && cells[0] == null) {
                        continue; // a blank line
                    }
                    return new RawRow(line, Arrays.copyOf(cells, width), null, width);
                }
            }
        } catch (IOException e) {
            long opened = rowEnded ? lastValueEnd + 1 : lastValueEnd;
            String unfinished = unfinishedQuote(e, opened);
            SourceLocation where = SourceLocation.line(
                    file,
                    unfinished != null
                            ? opened
                            : line > 0 ? line : parser.currentLocation().getLineNr());
            if (columns != null && width < columns.size()) {
                where = where.column(columns.get(width));
            }
            throw unfinished != null ? new DatasetImportException(where, unfinished, e) : ReadFailures.of(where, e);
        }
    }

    /**
     * What to say when the failure is a quoted value that never ends: the end of the file inside it, or a value
     * over the limit that spans lines (only a quoted one can). Null for any other failure.
     */
    private String unfinishedQuote(IOException e, long opened) {
        if (e instanceof StreamConstraintsException && parser.currentLocation().getLineNr() > opened) {
            return String.format(
                    "a quoted value opened on line %,d runs on for more than %,d characters, the most one field "
                            + "may hold: its closing quote is most likely missing.",
                    opened, ReadFailures.MAX_VALUE_CHARS);
        }
        if (e instanceof JsonProcessingException parse
                && String.valueOf(parse.getOriginalMessage()).startsWith("Missing closing quote")) {
            return String.format(
                    "a quoted value opened on line %,d is never closed: its opening quote has no closing quote "
                            + "before the end of the file.",
                    opened);
        }
        return null;
    }

    /** Line breaks inside a value, counted as the parser counts lines: CRLF, LF and a lone CR each one. */
    private static long lineBreaks(String v) {
        long breaks = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }

    /**
     * A first record is a header unless one of its values looks like data: a number, a boolean or a timestamp.
     * (A file of text only cannot tell; there the user says "no header".)
     */
    private static boolean looksLikeHeader(RawRow first) {
        for (int i = 0; i < first.width(); i++) {
            String v = first.values()[i];
            if (v != null && ValueTypes.guess(v) != io.siftbench.model.datasets.ColumnType.TEXT) {
                return false;
            }
        }
        return true;
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
