package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnStatistics;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetPage;
import io.siftbench.model.datasets.DatasetQuery;
import io.siftbench.model.datasets.DatasetRecord;
import io.siftbench.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * Reads datasets back: pages in any order and filter, counts, column statistics and whole-dataset walks.
 * Plain pages go by record id, which runs 1..n, so any page of any dataset is one index range lookup.
 */
final class DatasetBrowser {

    private static final int WALK_CHUNK = 1000;
    private static final int TOP_VALUES = 10;
    private static final int LENGTH_BINS = 10;

    private final DataSource db;
    private final DatasetCatalog catalog;

    DatasetBrowser(DataSource db, DatasetCatalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    long count(long datasetId, DatasetQuery query) {
        if (!query.hasSearch() && !query.hasFilter()) {
            return catalog.get(datasetId).rows();
        }
        DatasetInfo info = catalog.get(datasetId);
        DatasetTable table = catalog.table(datasetId);
        Where where = where(info, table, query);
        return Sql.call(db, "count records", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table.quotedName() + where.sql)) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    DatasetPage page(long datasetId, DatasetQuery query, long offset, int limit) {
        DatasetTable table = catalog.table(datasetId);
        if (query.isPlain()) {
            return new DatasetPage(
                    offset,
                    Sql.call(
                            db,
                            "read a page",
                            c -> select(
                                    c,
                                    table,
                                    " WHERE " + DatasetTable.ID + " BETWEEN ? AND ? ORDER BY " + DatasetTable.ID,
                                    offset + 1,
                                    offset + limit)));
        }
        DatasetInfo info = catalog.get(datasetId);
        Where where = where(info, table, query);
        StringBuilder order = new StringBuilder(" ORDER BY ");
        if (query.sortColumn() != null) {
            DatasetTable.Column sort = table.column(query.sortColumn());
            ensureIndex(table, sort);
            order.append(sort.quoted()).append(query.descending() ? " DESC NULLS LAST, " : " ASC NULLS FIRST, ");
        }
        order.append(DatasetTable.ID).append(" LIMIT ? OFFSET ?");
        List<Object> args = new ArrayList<>(where.args);
        args.add(limit);
        args.add(offset);
        return new DatasetPage(
                offset, Sql.call(db, "read a page", c -> select(c, table, where.sql + order, args.toArray())));
    }

    ColumnStatistics statistics(long datasetId, String column) {
        DatasetTable table = catalog.table(datasetId);
        DatasetTable.Column col = table.column(column);
        String t = table.quotedName();
        String q = col.quoted();
        return Sql.call(db, "compute statistics of " + column, c -> {
            long count;
            long nulls;
            long distinct;
            long minLength = 0;
            long maxLength = 0;
            boolean text = col.type() == ColumnType.TEXT || col.type() == ColumnType.JSON;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(" + q + "), COUNT(DISTINCT " + q
                            + "), MIN(LENGTH(" + q + ")), MAX(LENGTH(" + q + ")) FROM " + t)) {
                rs.next();
                count = rs.getLong(1);
                nulls = count - rs.getLong(2);
                distinct = rs.getLong(3);
                if (text) {
                    minLength = rs.getLong(4);
                    maxLength = rs.getLong(5);
                }
            }
            List<ColumnStatistics.ValueCount> top = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + q + ", COUNT(*) FROM " + t + " WHERE " + q
                            + " IS NOT NULL GROUP BY " + q + " ORDER BY 2 DESC, 1 LIMIT " + TOP_VALUES)) {
                while (rs.next()) {
                    top.add(new ColumnStatistics.ValueCount(String.valueOf(value(rs, 1, col.type())), rs.getLong(2)));
                }
            }
            List<ColumnStatistics.LengthBin> bins =
                    text && count > nulls ? lengthHistogram(c, t, q, minLength, maxLength) : List.of();
            return new ColumnStatistics(column, count, nulls, distinct, top, bins);
        });
    }

    /** Equal-width bins over the lengths from the shortest to the longest value. */
    private static List<ColumnStatistics.LengthBin> lengthHistogram(
            Connection c, String t, String q, long min, long max) throws SQLException {
        long width = Math.max(1, (max - min + LENGTH_BINS) / LENGTH_BINS);
        long[] counts = new long[LENGTH_BINS];
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (LENGTH(" + q + ") - " + min + ") / " + width
                        + " AS bin, COUNT(*) FROM " + t + " WHERE " + q + " IS NOT NULL GROUP BY bin")) {
            while (rs.next()) {
                counts[(int) Math.min(LENGTH_BINS - 1, rs.getLong(1))] += rs.getLong(2);
            }
        }
        List<ColumnStatistics.LengthBin> bins = new ArrayList<>();
        for (int i = 0; i < LENGTH_BINS && min + i * width <= max; i++) {
            bins.add(new ColumnStatistics.LengthBin(min + i * width, min + (i + 1) * width - 1, counts[i]));
        }
        return bins;
    }

    long[] recordIds(long datasetId) {
        // Record ids run 1..n, so they need no read: reading a million of them took seconds of a run's start.
        return LongStream.rangeClosed(1, catalog.get(datasetId).rows()).toArray();
    }

    void forEachRecord(long datasetId, Consumer<DatasetRecord> action) {
        DatasetTable table = catalog.table(datasetId);
        long rows = catalog.get(datasetId).rows();
        // Chunks by id range: memory stays flat however large the dataset, and no cursor stays open while
        // the caller works on a record.
        for (long from = 1; from <= rows; from += WALK_CHUNK) {
            long start = from;
            Sql.call(
                            db,
                            "read records",
                            c -> select(
                                    c,
                                    table,
                                    " WHERE " + DatasetTable.ID + " BETWEEN ? AND ? ORDER BY " + DatasetTable.ID,
                                    start,
                                    start + WALK_CHUNK - 1))
                    .forEach(action);
        }
    }

    List<DatasetRecord> records(long datasetId, Collection<Long> ids) {
        DatasetTable table = catalog.table(datasetId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return Sql.call(
                db,
                "read records",
                c -> select(c, table, " WHERE " + DatasetTable.ID + " = ANY(?) ORDER BY " + DatasetTable.ID, (Object)
                        ids.toArray(new Long[0])));
    }

    private void ensureIndex(DatasetTable table, DatasetTable.Column column) {
        // Sorting a large dataset page by page needs an index, built the first time the user sorts by the column.
        Sql.call(db, "index column " + column.name(), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX IF NOT EXISTS \"" + table.name() + "_" + column.sqlName() + "\" ON "
                        + table.quotedName() + " (" + column.quoted() + ")");
            }
            return null;
        });
    }

    private static List<DatasetRecord> select(Connection c, DatasetTable table, String tail, Object... args)
            throws SQLException {
        List<DatasetRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table.quotedName() + tail)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<DatasetTable.Column> columns = table.columns();
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        values.put(
                                columns.get(i).name(),
                                value(rs, i + 3, columns.get(i).type()));
                    }
                    out.add(new DatasetRecord(rs.getLong(1), rs.getLong(2), values));
                }
            }
        }
        return out;
    }

    private static Object value(ResultSet rs, int index, ColumnType type) throws SQLException {
        Object v =
                switch (type) {
                    case TEXT, JSON -> rs.getString(index);
                    case INTEGER -> rs.getLong(index);
                    case DECIMAL -> rs.getBigDecimal(index);
                    case BOOLEAN -> rs.getBoolean(index);
                    case TIMESTAMP -> rs.getObject(index, OffsetDateTime.class);
                };
        return rs.wasNull() ? null : v;
    }

    /** A WHERE clause and its arguments. */
    private record Where(String sql, List<Object> args) {
        void bind(PreparedStatement ps, int first) throws SQLException {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(first + i, args.get(i));
            }
        }
    }

    /**
     * The search looks in the text column, or in every text column where the dataset has none; the filter
     * compares the column's value as text, so that {@code label = x} and {@code id = 42} read the same.
     */
    private static Where where(DatasetInfo info, DatasetTable table, DatasetQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.hasSearch()) {
            List<DatasetTable.Column> searched = info.textColumn() != null
                    ? List.of(table.column(info.textColumn()))
                    : table.columns().stream()
                            .filter(c -> c.type() == ColumnType.TEXT)
                            .toList();
            String pattern = "%"
                    + query.search()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            List<String> any = new ArrayList<>();
            for (DatasetTable.Column col : searched) {
                any.add("LOWER(" + col.quoted() + ") LIKE ? ESCAPE '\\'");
                args.add(pattern);
            }
            conditions.add(any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")");
        }
        if (query.hasFilter()) {
            DatasetTable.Column col = table.column(query.filterColumn());
            if (query.filterValue() == null || query.filterValue().isEmpty()) {
                conditions.add(col.quoted() + " IS NULL");
            } else {
                conditions.add("CAST(" + col.quoted() + " AS VARCHAR) = ?");
                args.add(query.filterValue());
            }
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
    }
}
