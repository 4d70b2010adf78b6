package io.siftbench.storage.project;

import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.project.ProjectOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

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
            create(file);
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

    /**
     * Makes a new project under a hidden name beside the target and moves it into place only once its schema
     * is complete, so that a process killed while creating it leaves no file that looks like a project but is
     * refused as "not a Siftbench project": the target is either absent or a whole, empty project.
     */
    private static void create(ProjectFile file) {
        Path target = file.file();
        Path partial = target.resolveSibling(".creating-" + target.getFileName());
        ProjectFile creating = new ProjectFile(partial);
        try {
            Files.deleteIfExists(partial); // left by a creation that was killed: it never became the project
            JdbcConnectionPool pool = JdbcConnectionPool.create(creating.jdbcUrl(false), "sa", "");
            try {
                flyway(pool).migrate();
            } finally {
                pool.dispose();
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new ProjectException("Cannot create " + target + ": " + rootMessage(e), e);
        } finally {
            deleteQuietly(partial);
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
            Flyway probe = Flyway.configure()
                    .locations(MIGRATIONS)
                    .loggers("slf4j")
                    .dataSource("jdbc:h2:mem:", "sa", "")
                    .load();
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

    /**
     * Inspects the file read-only. A store left by a killed process cannot be read that way: H2 must first
     * finish or undo what the process left half done, which writes. Then a copy is inspected instead, opened
     * read-write so that H2 recovers the copy, and the original is opened only once the copy has shown it is a
     * project this version can open: a stranger's file or a newer project is still left exactly as it was.
     * The copy costs a file's worth of disk and time, but only after a crash.
     */
    private static void inspect(ProjectFile file) {
        try {
            inspect(file, file.jdbcUrl(true));
        } catch (NeedsRecovery e) {
            inspectRecoveredCopy(file);
        }
    }

    private static void inspectRecoveredCopy(ProjectFile file) {
        Path copy = null;
        try {
            copy = Files.createTempFile(file.file().getParent(), ".recovery-check-", ProjectFile.SUFFIX);
            Files.copy(file.file(), copy, StandardCopyOption.REPLACE_EXISTING);
            inspect(file, new ProjectFile(copy).jdbcUrl(false));
        } catch (NeedsRecovery e) {
            throw new ProjectException("Cannot open " + file.file() + ": " + describe(e.failure), e.failure);
        } catch (IOException e) {
            throw new ProjectException(
                    "Cannot open " + file.file() + ": it needs recovery after a crash, and a copy"
                            + " to check it could not be made beside it (" + e.getMessage() + ").",
                    e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(Path copy) {
        if (copy != null) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                copy.toFile().deleteOnExit(); // a leftover hidden copy is harmless; the project was checked
            }
        }
    }

    /** The read-only inspection met a store that H2 must write to before it can be read. */
    private static final class NeedsRecovery extends RuntimeException {
        final SQLException failure;

        NeedsRecovery(SQLException failure) {
            super(null, failure, false, false);
            this.failure = failure;
        }
    }

    /** H2 refused to write to a store opened read-only, which it only tries when recovering from a crash. */
    static boolean needsRecovery(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_WRITING_FAILED) {
                return true;
            }
        }
        return false;
    }

    private static void inspect(ProjectFile file, String url) {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
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
            if (needsRecovery(e)) {
                throw new NeedsRecovery(e);
            }
            throw new ProjectException("Cannot open " + file.file() + ": " + describe(e), e);
        }
    }

    private static boolean tableExists(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + table
                + "' AND TABLE_SCHEMA = 'PUBLIC'")) {
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
