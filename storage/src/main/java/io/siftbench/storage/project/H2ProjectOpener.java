package io.siftbench.storage.project;

import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.project.ProjectOpener;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens or creates a project file. An existing file is first inspected read-only, so that a file that is
 * not a Siftbench project, or one written by a newer Siftbench, is refused without a single byte changing.
 */
public final class H2ProjectOpener implements ProjectOpener {

    private static final String MIGRATIONS = "classpath:db/migration";

    @Override
    public Project open(Path named) {
        ProjectFile file = ProjectFile.of(named);
        if (file.exists()) {
            file.requireH2Header();
            inspect(file);
        } else {
            createParent(file.file());
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(file.jdbcUrl(false), "sa", "");
        pool.setMaxConnections(32);
        try {
            flyway(pool).migrate();
            return new H2Project(file.file(), pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw new ProjectException("Cannot open " + file.file() + ": " + rootMessage(e), e);
        }
    }

    /** The newest schema version this build knows. */
    static MigrationVersion latestKnownVersion() {
        return LatestVersion.VERSION;
    }

    /** Computed once, on first use: Flyway lists this build's migrations as pending on an empty database. */
    private static final class LatestVersion {
        static final MigrationVersion VERSION = compute();

        private static MigrationVersion compute() {
            Flyway probe = Flyway.configure().locations(MIGRATIONS).loggers("slf4j")
                    .dataSource("jdbc:h2:mem:", "sa", "").load();
            var pending = probe.info().all();
            return pending[pending.length - 1].getVersion();
        }
    }

    private static Flyway flyway(JdbcConnectionPool pool) {
        return Flyway.configure()
                .dataSource(pool)
                .locations(MIGRATIONS)
                .loggers("slf4j")
                .load();
    }

    private static void inspect(ProjectFile file) {
        try (Connection c = DriverManager.getConnection(file.jdbcUrl(true), "sa", "");
             Statement s = c.createStatement()) {
            if (!tableExists(s, "PROJECT_INFO") || !tableExists(s, "flyway_schema_history")) {
                throw new ProjectException(file.file() + " is an H2 database but not a Siftbench project.");
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
                MigrationVersion newest = MigrationVersion.EMPTY;
                while (rs.next()) {
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    newest = v.isNewerThan(newest.getVersion()) ? v : newest;
                }
                MigrationVersion known = latestKnownVersion();
                if (newest.isNewerThan(known.getVersion())) {
                    throw new ProjectException(file.file() + " was made by a newer Siftbench (schema " + newest
                            + "; this version knows up to " + known + "). Update Siftbench to open it.");
                }
            }
        } catch (SQLException e) {
            throw new ProjectException("Cannot open " + file.file() + ": " + describe(e), e);
        }
    }

    private static boolean tableExists(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '"
                + table + "' AND TABLE_SCHEMA = 'PUBLIC'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static String describe(SQLException e) {
        // 90020: H2 says the file is locked by another process.
        if (e.getErrorCode() == 90020) {
            return "it is open in another Siftbench window or process.";
        }
        return e.getMessage().lines().findFirst().orElse(e.toString());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof SQLException sql ? describe(sql) : String.valueOf(t.getMessage());
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new ProjectException("Cannot create the folder " + file.getParent() + ": " + e.getMessage(), e);
        }
    }
}
