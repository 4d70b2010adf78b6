package io.siftbench.storage.insights;

import io.siftbench.model.insights.MetricSnapshots;
import io.siftbench.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;

/** Metric snapshots in the {@code metric_snapshot} table, one row per run, scope and sample-set version. */
public final class H2MetricSnapshots implements MetricSnapshots {

    private final DataSource db;

    public H2MetricSnapshots(DataSource db) {
        this.db = db;
    }

    @Override
    public Optional<String> find(long runId, String scope, long sampleSetVersion) {
        return Sql.call(db, "read the metrics of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT metrics FROM metric_snapshot"
                    + " WHERE run_id = ? AND scope = ? AND sample_set_version = ?")) {
                ps.setLong(1, runId);
                ps.setString(2, scope);
                ps.setLong(3, sampleSetVersion);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<String> latest(long runId, String scope) {
        return Sql.call(db, "read the metrics of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT metrics FROM metric_snapshot"
                    + " WHERE run_id = ? AND scope = ? ORDER BY id DESC FETCH FIRST 1 ROW ONLY")) {
                ps.setLong(1, runId);
                ps.setString(2, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Saves are serialised: two transactions that replace the same scope at once (a cancelled Insights task still
     * finishing beside the next one) would each miss the other's uncommitted row in the delete and collide on insert.
     * The project file belongs to this one process, so a lock here is enough.
     */
    @Override
    public synchronized void save(long runId, String scope, long sampleSetVersion, String metrics) {
        Sql.inTransaction(db, "store the metrics of run " + runId, c -> {
            try (PreparedStatement delete =
                            c.prepareStatement("DELETE FROM metric_snapshot WHERE run_id = ? AND scope = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO metric_snapshot"
                            + " (run_id, scope, sample_set_version, metrics) VALUES (?, ?, ?, ?)")) {
                delete.setLong(1, runId);
                delete.setString(2, scope);
                delete.executeUpdate();
                insert.setLong(1, runId);
                insert.setString(2, scope);
                insert.setLong(3, sampleSetVersion);
                insert.setString(4, metrics);
                return insert.executeUpdate();
            }
        });
    }
}
