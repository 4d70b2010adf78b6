package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnType;

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
        String cleaned = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
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

    String quotedName() {
        return '"' + name + '"';
    }

    String createSql() {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quotedName()).append(" (")
                .append(ID).append(" BIGINT PRIMARY KEY, ").append(SOURCE).append(" BIGINT NOT NULL");
        for (Column c : columns) {
            sql.append(", ").append(c.quoted()).append(' ').append(sqlType(c.type()));
        }
        return sql.append(')').toString();
    }

    String insertSql() {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quotedName()).append(" VALUES (?, ?");
        sql.append(", ?".repeat(columns.size()));
        return sql.append(')').toString();
    }

    /** The column the user calls {@code name}. */
    Column column(String userName) {
        return columns.stream().filter(c -> c.name().equals(userName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The dataset has no column \"" + userName + "\"."));
    }

    List<ColumnInfo> infos() {
        return columns.stream().map(Column::info).toList();
    }
}
