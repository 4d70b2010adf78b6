package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetImportException;
import io.siftbench.model.datasets.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The typed H2 table of one dataset: a generated name ({@code DS_<n>}), the record id, the source line or
 * record number, and one column per dataset column under a generated SQL name. No user text ever becomes
 * SQL; the user's column names live in {@code dataset_column}.
 */
record DatasetTable(String name, List<Column> columns) {

    static final String ID = "ID";
    static final String SOURCE = "SOURCE_ROW";
    /** H2 allows 16,384 columns in a table, and the table has two of its own: the id and the source row. */
    static final int MAX_COLUMNS = 16_384 - 2;
    /** The longest column name {@code dataset_column} holds. */
    static final int MAX_NAME_CHARS = 1000;

    /** One column: the user's name, its generated SQL name and its type. */
    record Column(String name, String sqlName, ColumnType type) {
        ColumnInfo info() {
            return new ColumnInfo(name, type);
        }

        String quoted() {
            return '"' + sqlName + '"';
        }
    }

    DatasetTable {
        columns = List.copyOf(columns);
    }

    /** A new table for columns with these names and types. */
    static DatasetTable create(long sequence, List<ColumnInfo> infos) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            ColumnInfo c = infos.get(i);
            columns.add(new Column(c.name(), sqlName(i + 1, c.name()), c.type()));
        }
        return new DatasetTable("DS_" + sequence, columns);
    }

    /** {@code C3_USER_TEXT}: the position keeps names unique, the cleaned name keeps them readable. */
    static String sqlName(int position, String name) {
        String cleaned =
                name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        String sql = "C" + position + (cleaned.isEmpty() ? "" : "_" + cleaned);
        return sql.length() > 60 ? sql.substring(0, 60) : sql;
    }

    static String sqlType(ColumnType type) {
        return switch (type) {
            case TEXT, JSON -> "CHARACTER VARYING";
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DECFLOAT";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    /**
     * Refuses a JSON key that would make column number {@code position} when the table cannot have it: one
     * too many, an empty name, a name with bytes the encoding does not allow, or a name too long to keep.
     */
    static void requireStorableKey(String key, int position, SourceLocation where) {
        if (position > MAX_COLUMNS) {
            throw new DatasetImportException(
                    where,
                    String.format(
                            "the records have more than %,d different keys, the "
                                    + "most columns a dataset can hold; the first one too many is \"%s\".",
                            MAX_COLUMNS, SchemaScan.abbreviate(key)));
        }
        if (key.isBlank()) {
            throw new DatasetImportException(
                    where,
                    "the object has a field with an empty name, which cannot become a "
                            + "column. Name it in the file.");
        }
        if (key.indexOf(SourceText.INVALID) >= 0) {
            throw new DatasetImportException(where, SchemaScan.invalidText("a key", key.indexOf(SourceText.INVALID)));
        }
        if (key.length() > MAX_NAME_CHARS) {
            throw new DatasetImportException(
                    where, tooLongName("the key \"" + SchemaScan.abbreviate(key) + "\"", key.length()));
        }
    }

    /** The refusal of a column name of {@code length} characters, given as {@code what}. */
    static String tooLongName(String what, int length) {
        return String.format(
                "%s is %,d characters long; a column name may have at most %,d.", what, length, MAX_NAME_CHARS);
    }

    String quotedName() {
        return '"' + name + '"';
    }

    String createSql() {
        StringBuilder sql = new StringBuilder("CREATE TABLE ")
                .append(quotedName())
                .append(" (")
                .append(ID)
                .append(" BIGINT PRIMARY KEY, ")
                .append(SOURCE)
                .append(" BIGINT NOT NULL");
        for (Column c : columns) {
            sql.append(", ").append(c.quoted()).append(' ').append(sqlType(c.type()));
        }
        return sql.append(')').toString();
    }

    String insertSql() {
        StringBuilder sql =
                new StringBuilder("INSERT INTO ").append(quotedName()).append(" VALUES (?, ?");
        sql.append(", ?".repeat(columns.size()));
        return sql.append(')').toString();
    }

    /** The column the user calls {@code name}. */
    Column column(String userName) {
        return columns.stream()
                .filter(c -> c.name().equals(userName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The dataset has no column \"" + userName + "\"."));
    }

    List<ColumnInfo> infos() {
        return columns.stream().map(Column::info).toList();
    }
}
