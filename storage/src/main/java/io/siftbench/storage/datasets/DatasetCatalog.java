package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.ProjectException;
import io.siftbench.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The {@code dataset} and {@code dataset_column} rows that describe each dataset and name its table. */
final class DatasetCatalog {

    private static final String SELECT = "SELECT id, name, row_count, text_column, label_column FROM dataset";

    private final DataSource db;

    DatasetCatalog(DataSource db) {
        this.db = db;
    }

    List<DatasetInfo> list() {
        return Sql.call(db, "list datasets", c -> read(c, SELECT + " ORDER BY name", null));
    }

    Optional<DatasetInfo> find(String name) {
        return Sql.call(db, "find dataset " + name, c -> read(c, SELECT + " WHERE name = ?", name)).stream()
                .findFirst();
    }

    DatasetInfo get(long id) {
        return Sql.call(db, "read dataset " + id, c -> read(c, SELECT + " WHERE id = ?", id)).stream()
                .findFirst()
                .orElseThrow(() -> new ProjectException("There is no dataset " + id + " in this project."));
    }

    /** The typed table of dataset {@code id}. */
    DatasetTable table(long id) {
        return Sql.call(db, "read dataset " + id, c -> {
            String name;
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM dataset WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ProjectException("There is no dataset " + id + " in this project.");
                    }
                    name = rs.getString(1);
                }
            }
            List<DatasetTable.Column> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, sql_name, type FROM dataset_column WHERE dataset_id = ? ORDER BY position")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new DatasetTable.Column(
                                rs.getString(1), rs.getString(2), ColumnType.valueOf(rs.getString(3))));
                    }
                }
            }
            return new DatasetTable(name, columns);
        });
    }

    /**
     * Writes the dataset's rows on {@code c}, inside the import's transaction. With {@code replace}, a dataset
     * of the same name goes, and its table's name is added to {@code replacedTables} for dropping after the
     * commit; without it, a taken name gets a number: {@code train (2)}.
     */
    DatasetInfo register(
            Connection c,
            DatasetTable table,
            String name,
            boolean replace,
            SourceSettings source,
            long rows,
            String textColumn,
            String labelColumn,
            List<String> replacedTables)
            throws SQLException {
        if (replace) {
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM dataset WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        replacedTables.add(rs.getString(1));
                    }
                }
            }
            update(c, "DELETE FROM dataset WHERE name = ?", name);
        }
        String free = freeName(c, name);
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dataset (name, table_name, source_file, format, "
                        + "row_count, text_column, label_column) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, free);
            ps.setString(2, table.name());
            ps.setString(3, source.file().toAbsolutePath().toString());
            ps.setString(4, source.format().name().toLowerCase(java.util.Locale.ROOT));
            ps.setLong(5, rows);
            ps.setString(6, textColumn);
            ps.setString(7, labelColumn);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dataset_column (dataset_id, position, name, sql_name, type) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (DatasetTable.Column col : table.columns()) {
                ps.setLong(1, id);
                ps.setInt(2, ++position);
                ps.setString(3, col.name());
                ps.setString(4, col.sqlName());
                ps.setString(5, col.type().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new DatasetInfo(id, free, rows, table.infos(), textColumn, labelColumn);
    }

    private static String freeName(Connection c, String name) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM dataset WHERE name = ? OR name LIKE ?")) {
            ps.setString(1, name);
            ps.setString(2, name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " (%)");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
        }
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    /**
     * Drops dataset tables that no dataset row names, left by an import that the process did not live to
     * clean up after. Run only when the project is opened, when no import of this process can be under way.
     */
    void dropOrphans() {
        Sql.call(db, "tidy up dataset tables", c -> {
            List<String> orphans = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC' "
                                    + "AND table_name LIKE 'DS\\_%' AND table_name NOT IN (SELECT table_name FROM dataset)")) {
                while (rs.next()) {
                    orphans.add(rs.getString(1));
                }
            }
            drop(c, orphans);
            return null;
        });
    }

    static void drop(Connection c, List<String> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String t : tables) {
                s.execute("DROP TABLE IF EXISTS \"" + t + '"');
            }
        }
    }

    void rename(long id, String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A dataset needs a name.");
        }
        Sql.inTransaction(db, "rename dataset " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM dataset WHERE name = ? AND id <> ?")) {
                ps.setString(1, newName.trim());
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new ProjectException("A dataset named \"" + newName.trim() + "\" already exists.");
                    }
                }
            }
            return update(c, "UPDATE dataset SET name = ? WHERE id = ?", newName.trim(), id);
        });
    }

    void setRoles(long id, String textColumn, String labelColumn) {
        DatasetInfo info = get(id);
        for (String column : new String[] {textColumn, labelColumn}) {
            if (column != null && info.column(column).isEmpty()) {
                throw new IllegalArgumentException("Dataset " + info.name() + " has no column \"" + column + "\".");
            }
        }
        Sql.call(
                db,
                "set the text and label columns",
                c -> update(
                        c,
                        "UPDATE dataset SET text_column = ?, label_column = ? WHERE id = ?",
                        textColumn,
                        labelColumn,
                        id));
    }

    void delete(long id) {
        DatasetTable table = table(id);
        Sql.call(db, "delete dataset " + id, c -> {
            update(c, "DELETE FROM dataset WHERE id = ?", id);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table.quotedName());
            }
            return null;
        });
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static List<DatasetInfo> read(Connection c, String sql, Object arg) throws SQLException {
        Map<Long, List<ColumnInfo>> columns = columns(c);
        List<DatasetInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.add(new DatasetInfo(
                            id,
                            rs.getString(2),
                            rs.getLong(3),
                            columns.getOrDefault(id, List.of()),
                            rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static Map<Long, List<ColumnInfo>> columns(Connection c) throws SQLException {
        Map<Long, List<ColumnInfo>> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT dataset_id, name, type FROM dataset_column ORDER BY dataset_id, position");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ColumnInfo(rs.getString(2), ColumnType.valueOf(rs.getString(3))));
            }
        }
        return columns;
    }
}
