package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.storage.project.ProjectFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything an import could leave behind in a closed project file: the dataset rows as listed, and every
 * table with its row count. Read straight from the file, so a stray table the store would never show counts.
 */
record ProjectSnapshot(List<DatasetInfo> datasets, Map<String, Long> tables) {

    static ProjectSnapshot of(Path project, List<DatasetInfo> datasets) throws SQLException {
        Map<String, Long> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(ProjectFile.of(project).jdbcUrl(true), "sa", "");
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs =
                    s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String t : names) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t + '"')) {
                    rs.next();
                    tables.put(t, rs.getLong(1));
                }
            }
        }
        return new ProjectSnapshot(datasets, tables);
    }
}
