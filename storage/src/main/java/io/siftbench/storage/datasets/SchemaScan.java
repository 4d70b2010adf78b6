package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnChoice;
import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks each record as it is read and infers the column types: a column starts with the type of its first
 * value and widens when a later value needs it (integer to decimal, anything mixed to text). A column whose
 * type the user chose keeps it, and a value that does not fit is a bad row.
 */
final class SchemaScan {

    private final String file;
    private final RecordReader reader;
    private final ImportOptions options;
    private final boolean fixedWidth;
    private ColumnType[] inferred = new ColumnType[16];
    private ColumnType[] chosen = new ColumnType[16];
    private int known;
    private long rows;
    private ColumnType[] settled;
    private boolean unsettled;

    SchemaScan(String file, RecordReader reader, ImportOptions options, boolean fixedWidth) {
        this.file = file;
        this.reader = reader;
        this.options = options;
        this.fixedWidth = fixedWidth;
    }

    /**
     * Checks the header's names: every column needs a name, and a different one.
     *
     * @param where the header's line
     */
    static void requireNamed(List<String> names, SourceLocation where) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank()) {
                throw new DatasetImportException(
                        where.columnNumber(i + 1),
                        "the header gives column " + (i + 1)
                                + " no name. Name it in the file, or import without a header.");
            }
            if (n.indexOf(SourceText.INVALID) >= 0) {
                throw new DatasetImportException(
                        where.columnNumber(i + 1),
                        invalidText("the name of column " + (i + 1), n.indexOf(SourceText.INVALID)));
            }
            if (n.length() > DatasetTable.MAX_NAME_CHARS) {
                throw new DatasetImportException(
                        where.columnNumber(i + 1),
                        DatasetTable.tooLongName("the name of column " + (i + 1), n.length()));
            }
            Integer before = seen.put(n, i + 1);
            if (before != null) {
                throw new DatasetImportException(
                        where.column(n),
                        "the header names two columns \"" + n + "\" (columns " + before + " and " + (i + 1)
                                + "). Column names must differ.");
            }
        }
    }

    /** The problem with {@code row}, or {@code null} when it is good; a good row widens the column types. */
    DatasetImportException check(RawRow row) {
        List<String> names = reader.columns();
        grow(names.size());
        SourceLocation where = new SourceLocation(file, reader.unit(), row.source(), null);
        if (fixedWidth && row.width() != names.size()) {
            return new DatasetImportException(
                    row.width() > names.size()
                            ? where.columnNumber(names.size() + 1)
                            : where.column(names.get(row.width())),
                    "expected " + names.size() + " fields, as in the header, but the row has " + row.width() + ".");
        }
        String[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v != null) {
                DatasetImportException bad = checkValue(v, i, row, where.column(names.get(i)));
                if (bad != null) {
                    return bad;
                }
            }
        }
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v != null && inferred[i] != ColumnType.TEXT) {
                ColumnType t = row.nested() != null && row.nested()[i] ? ColumnType.JSON : ValueTypes.guess(v);
                inferred[i] = inferred[i] == null ? t : inferred[i].widen(t);
            }
        }
        if (settled != null && !unsettled) {
            unsettled = values.length > settled.length || changedSinceSettled(values.length);
        }
        rows++;
        return null;
    }

    private DatasetImportException checkValue(String v, int i, RawRow row, SourceLocation where) {
        int nul = v.indexOf('\0');
        if (nul >= 0) {
            return new DatasetImportException(
                    where,
                    "the value holds a NUL character (byte 0) at character " + (nul + 1) + "; text files do not.");
        }
        int invalid = v.indexOf(SourceText.INVALID);
        if (invalid >= 0) {
            return new DatasetImportException(where, invalidText("the value", invalid));
        }
        if (v.length() > ReadFailures.MAX_VALUE_CHARS) {
            return new DatasetImportException(
                    where,
                    String.format(
                            "a value is longer than %,d characters, the most one field may hold.",
                            ReadFailures.MAX_VALUE_CHARS));
        }
        ColumnType type = chosen[i];
        if (type != null && (!ValueTypes.fits(v, type) || (type == ColumnType.JSON && !isNested(row, i)))) {
            return new DatasetImportException(
                    where, "\"" + abbreviate(v) + "\" is not " + article(type) + ", the type chosen for this column.");
        }
        return null;
    }

    private static boolean isNested(RawRow row, int i) {
        return row.nested() != null && row.nested()[i];
    }

    private void grow(int size) {
        if (size > inferred.length) {
            inferred = Arrays.copyOf(inferred, Math.max(size, inferred.length * 2));
            chosen = Arrays.copyOf(chosen, inferred.length);
        }
        for (; known < size; known++) {
            String source = reader.columns().get(known);
            chosen[known] = options.choiceFor(source).map(ColumnChoice::type).orElse(null);
        }
    }

    /** Fixes the types as {@link #columns()} gives them now; {@link #unsettled()} then says whether a row changed them. */
    void settle() {
        settled = Arrays.copyOf(inferred, known);
        for (int i = 0; i < known; i++) {
            if (chosen[i] == null && settled[i] == null) {
                settled[i] = ColumnType.TEXT;
            }
        }
    }

    /** Whether a row checked since {@link #settle()} needed a wider type or brought a new column. */
    boolean unsettled() {
        return unsettled;
    }

    private boolean changedSinceSettled(int width) {
        for (int i = 0; i < width; i++) {
            // A column that had no value yet was settled as text, which holds anything.
            if (chosen[i] == null
                    && inferred[i] != null
                    && settled[i] != ColumnType.TEXT
                    && inferred[i] != settled[i]) {
                return true;
            }
        }
        return false;
    }

    long rows() {
        return rows;
    }

    /** The columns with the user's names and types where given, else the source names and inferred types. */
    List<ColumnInfo> columns() {
        List<String> names = reader.columns();
        grow(names.size());
        List<ColumnInfo> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String source = names.get(i);
            String name = options.choiceFor(source)
                    .map(ColumnChoice::name)
                    .filter(n -> !n.isBlank())
                    .orElse(source);
            ColumnType type = chosen[i] != null ? chosen[i] : inferred[i] == null ? ColumnType.TEXT : inferred[i];
            out.add(new ColumnInfo(name, type));
        }
        requireNamed(out.stream().map(ColumnInfo::name).toList(), SourceLocation.file(file));
        return out;
    }

    /** The refusal of {@code what}, whose character {@code at} (0-based) stands for bytes invalid in the encoding. */
    static String invalidText(String what, int at) {
        return what + " holds bytes that are not valid text in the file's encoding, at character " + (at + 1)
                + ". Choose the encoding the file was written in (for example ISO-8859-1).";
    }

    static String abbreviate(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }

    private static String article(ColumnType type) {
        String t = type.name().toLowerCase(java.util.Locale.ROOT);
        return (type == ColumnType.INTEGER ? "an " : "a ") + t;
    }
}
