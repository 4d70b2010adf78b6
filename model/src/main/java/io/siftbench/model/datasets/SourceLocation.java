package io.siftbench.model.datasets;

/**
 * Where in a source file something is: a line (CSV, TSV, JSONL) or a record number (JSON array), and
 * the column when there is one.
 *
 * @param unit   "line" or "record"
 * @param number the line or record number, 1-based; 0 for the file as a whole
 * @param column the column as shown to the user ({@code "text"} quoted, or a bare position for an unnamed one), or null
 */
public record SourceLocation(String file, String unit, long number, String column) {

    public static SourceLocation file(String file) {
        return new SourceLocation(file, "line", 0, null);
    }

    public static SourceLocation line(String file, long line) {
        return new SourceLocation(file, "line", line, null);
    }

    public static SourceLocation record(String file, long record) {
        return new SourceLocation(file, "record", record, null);
    }

    /** The same place, in the column called {@code name}. */
    public SourceLocation column(String name) {
        return new SourceLocation(file, unit, number, '"' + name + '"');
    }

    /** The same place, in the column at 1-based {@code position} (for a column without a name). */
    public SourceLocation columnNumber(int position) {
        return new SourceLocation(file, unit, number, Integer.toString(position));
    }

    /** For example {@code train.csv, line 12, column "text"}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (number > 0) {
            s.append(", ").append(unit).append(' ').append(number);
        }
        if (column != null) {
            s.append(", column ").append(column);
        }
        return s.toString();
    }
}
