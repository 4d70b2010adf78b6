package io.siftbench.storage;

import io.siftbench.model.project.ProjectException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs JDBC work on a pooled connection and turns SQL failures into messages that say what failed. */
public final class Sql {

    /** JDBC work that returns a value. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Sql() {}

    /**
     * The id of the row of {@code table} called {@code name}, inserted if new, locked until the transaction ends:
     * what the next version of a prompt or pipeline is numbered under, so that two saves cannot both take n+1.
     *
     * @param table a table with an identity {@code id} and a unique {@code name}; a constant, never user input
     */
    public static long lockByName(Connection c, String table, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (name) SELECT CAST(? AS VARCHAR)"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE name = ?)")) {
            ps.setString(1, name);
            ps.setString(2, name);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs {@code work} with auto-commit on. */
    public static <T> T call(DataSource db, String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new ProjectException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public static <T> T inTransaction(DataSource db, String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ProjectException("Could not " + what + ": " + e.getMessage(), e);
        }
    }
}
