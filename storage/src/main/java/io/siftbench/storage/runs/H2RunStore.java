package io.siftbench.storage.runs;

import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectChanges;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.RunStore;
import io.siftbench.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Runs in the {@code run} table, listed with their prompt and sample counts. */
public final class H2RunStore implements RunStore {

    private static final String SELECT = "SELECT r.id, p.name, v.version, r.prompt_version_id, r.mode,"
            + " r.backend_kind, r.backend_location, r.model, r.parameters, r.dataset_id, r.seed, r.concurrency,"
            + " r.target, r.votes, r.config, r.status, r.created_at, r.finished_at,"
            + " (SELECT COUNT(*) FROM sample s WHERE s.run_id = r.id),"
            + " (SELECT COUNT(*) FROM sample s WHERE s.run_id = r.id AND s.error IS NOT NULL),"
            + " (SELECT MAX(s.id) FROM sample s WHERE s.run_id = r.id AND s.error IS NULL)"
            + " FROM run r JOIN prompt_version v ON v.id = r.prompt_version_id JOIN prompt p ON p.id = v.prompt_id";

    private final DataSource db;
    private final ProjectChanges changes;

    public H2RunStore(DataSource db, ProjectChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    /**
     * Marks every run that says running as interrupted, to be resumed. Call only when no process runs any:
     * when the project is first opened, a running run was killed with its process.
     */
    public void markInterrupted() {
        Sql.call(db, "mark interrupted runs", conn -> {
            try (Statement s = conn.createStatement()) {
                return s.executeUpdate("UPDATE run SET status = '" + RunStatus.INTERRUPTED.id()
                        + "', finished_at = CURRENT_TIMESTAMP WHERE status = '" + RunStatus.RUNNING.id() + "'");
            }
        });
    }

    @Override
    public long create(RunConfig c) {
        long stored = Sql.call(db, "create the run", conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO run (prompt_version_id, mode, backend_kind,"
                            + " backend_location, model, parameters, dataset_id, config, seed, concurrency, target, votes, status)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, c.promptVersionId());
                ps.setString(2, c.mode().id());
                ps.setString(3, c.backend().kind());
                ps.setString(4, c.backend().location());
                ps.setString(5, c.backend().model());
                ps.setString(6, c.parameters());
                if (c.datasetId() == null) {
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(7, c.datasetId());
                }
                ps.setString(8, c.details() == null ? "{}" : c.details());
                ps.setLong(9, c.seed());
                ps.setInt(10, c.concurrency());
                ps.setInt(11, c.target());
                ps.setInt(12, c.votes());
                ps.setString(13, RunStatus.RUNNING.id());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        changes.told(new ProjectChange(ProjectChange.Kind.RUNS, stored));
        return stored;
    }

    @Override
    public Optional<RunInfo> find(long runId) {
        return Sql.call(db, "read run " + runId, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(SELECT + " WHERE r.id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<RunInfo> list() {
        return Sql.call(db, "list runs", conn -> {
            List<RunInfo> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(SELECT + " ORDER BY r.id DESC");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    @Override
    public void setStatus(long runId, RunStatus status) {
        Sql.call(db, "update run " + runId, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE run SET status = ?, finished_at = CASE WHEN ? THEN CURRENT_TIMESTAMP END WHERE id = ?")) {
                ps.setString(1, status.id());
                ps.setBoolean(2, status != RunStatus.RUNNING);
                ps.setLong(3, runId);
                return ps.executeUpdate();
            }
        });
        changes.told(new ProjectChange(ProjectChange.Kind.RUNS, runId));
    }

    private static RunInfo read(ResultSet rs) throws SQLException {
        long lastAnswered = rs.getLong(21);
        boolean noneAnswered = rs.wasNull();
        long datasetId = rs.getLong(10);
        Long dataset = rs.wasNull() ? null : datasetId;
        RunConfig config = new RunConfig(
                rs.getLong(4),
                PromptMode.fromId(rs.getString(5)),
                new BackendRef(rs.getString(6), rs.getString(7), rs.getString(8)),
                rs.getString(9),
                dataset,
                rs.getLong(11),
                rs.getInt(12),
                rs.getInt(13),
                rs.getInt(14),
                rs.getString(15));
        return new RunInfo(
                rs.getLong(1),
                rs.getString(2),
                rs.getInt(3),
                config,
                RunStatus.fromId(rs.getString(16)),
                rs.getLong(19),
                rs.getLong(20),
                instant(rs.getTimestamp(17)),
                instant(rs.getTimestamp(18)),
                noneAnswered ? null : lastAnswered);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
