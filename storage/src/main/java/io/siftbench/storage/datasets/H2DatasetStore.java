package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.ColumnType;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.DatasetStore;
import io.siftbench.storage.Sql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Datasets as described by the {@code dataset} and {@code dataset_column} tables. */
public final class H2DatasetStore implements DatasetStore {

    private final DataSource db;

    public H2DatasetStore(DataSource db) {
        this.db = db;
    }

    @Override
    public List<DatasetInfo> list() {
        return Sql.call(db, "list datasets", c -> {
            Map<Long, List<ColumnInfo>> columns = columns(c);
            List<DatasetInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, row_count FROM dataset ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.add(new DatasetInfo(id, rs.getString(2), rs.getLong(3), columns.getOrDefault(id, List.of())));
                }
            }
            return out;
        });
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
