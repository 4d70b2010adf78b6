package io.siftbench.storage.review;

import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectChanges;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionAction;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Decisions in the append-only {@code decision} table, grouped into undoable actions in
 * {@code decision_action}. Undo and redo only change an action's state; no decision is ever changed or
 * deleted, so the whole history stays readable.
 */
public final class H2DecisionStore implements DecisionStore {

    private static final String COLUMNS =
            "d.id, d.sample_id, d.status, d.edited_text, d.edited_label, d.note," + " d.created_at";
    /** A decision is in force when its action was not undone (or it predates actions). */
    private static final String IN_FORCE = "(d.action_id IS NULL OR EXISTS (SELECT 1 FROM decision_action a"
            + " WHERE a.id = d.action_id AND a.state = 'done'))";
    /** The decision that counts: in force, and no newer one in force for the same sample. */
    private static final String COUNTS = IN_FORCE + " AND NOT EXISTS (SELECT 1 FROM decision n"
            + " WHERE n.sample_id = d.sample_id AND n.id > d.id AND (n.action_id IS NULL OR EXISTS"
            + " (SELECT 1 FROM decision_action na WHERE na.id = n.action_id AND na.state = 'done')))";

    private final DataSource db;
    private final ProjectChanges changes;

    public H2DecisionStore(DataSource db, ProjectChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    @Override
    public DecisionAction decide(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            throw new IllegalArgumentException("an action records at least one decision");
        }
        DecisionAction action = Sql.inTransaction(db, "record " + decisions.size() + " decision(s)", c -> {
            try (Statement s = c.createStatement()) {
                // A new action after an undo ends what could be redone, as in any editor.
                s.executeUpdate("UPDATE decision_action SET state = 'discarded', changed_at = CURRENT_TIMESTAMP"
                        + " WHERE state = 'undone'");
                s.executeUpdate("INSERT INTO decision_action (state) VALUES ('done')", Statement.RETURN_GENERATED_KEYS);
                long actionId;
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    actionId = keys.getLong(1);
                }
                List<Decision> stored = insert(c, actionId, decisions);
                Map<Long, Decision> last = new LinkedHashMap<>();
                stored.forEach(d -> last.put(d.sampleId(), d));
                return new DecisionAction(
                        actionId,
                        stored,
                        stored.stream().map(d -> last.get(d.sampleId())).toList());
            }
        });
        changes.told(ProjectChange.of(ProjectChange.Kind.DECISIONS));
        return action;
    }

    private static List<Decision> insert(Connection c, long actionId, List<Decision> decisions) throws SQLException {
        List<Decision> stored = new ArrayList<>(decisions.size());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO decision (sample_id, status, edited_text,"
                        + " edited_label, note, action_id) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (Decision d : decisions) {
                ps.setLong(1, d.sampleId());
                ps.setString(2, d.status().id());
                ps.setString(3, d.editedText());
                ps.setString(4, d.editedLabel());
                ps.setString(5, d.note());
                ps.setLong(6, actionId);
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (e.getErrorCode() == org.h2.api.ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1) {
                        throw new SQLException("there is no sample " + d.sampleId(), e);
                    }
                    throw e;
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    stored.add(read(c, keys.getLong(1)));
                }
            }
        }
        return stored;
    }

    @Override
    public Optional<DecisionAction> undo() {
        return step("undo the last decision", "done", "DESC", "undone");
    }

    @Override
    public Optional<DecisionAction> redo() {
        // Undos take the newest actions first, so the undone ones are the newest; redo the oldest of them.
        return step("redo the last undone decision", "undone", "ASC", "done");
    }

    private Optional<DecisionAction> step(String what, String from, String order, String to) {
        Optional<DecisionAction> stored = Sql.inTransaction(db, what, c -> {
            long actionId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM decision_action WHERE state = ?"
                    + " ORDER BY id " + order + " FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    actionId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE decision_action SET state = ?," + " changed_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                ps.setString(1, to);
                ps.setLong(2, actionId);
                ps.executeUpdate();
            }
            List<Decision> decisions = list(
                    c, "SELECT " + COLUMNS + " FROM decision d WHERE d.action_id = ?" + " ORDER BY d.id", actionId);
            List<Decision> current = new ArrayList<>();
            for (Decision d : decisions) {
                current.add(current(c, d.sampleId()).orElse(null));
            }
            return Optional.of(new DecisionAction(actionId, decisions, current));
        });
        stored.ifPresent(done -> changes.told(ProjectChange.of(ProjectChange.Kind.DECISIONS)));
        return stored;
    }

    @Override
    public Optional<Decision> current(long sampleId) {
        return Sql.call(db, "read the decision on sample " + sampleId, c -> current(c, sampleId));
    }

    private static Optional<Decision> current(Connection c, long sampleId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM decision d WHERE d.sample_id = ? AND " + COUNTS, sampleId).stream()
                .findFirst();
    }

    @Override
    public Map<Long, Decision> currentOfRun(long runId) {
        return Sql.call(db, "read the decisions on run " + runId, c -> {
            Map<Long, Decision> bySample = new LinkedHashMap<>();
            list(
                            c,
                            "SELECT " + COLUMNS + " FROM decision d JOIN sample s ON s.id = d.sample_id"
                                    + " WHERE s.run_id = ? AND " + COUNTS + " ORDER BY d.id",
                            runId)
                    .forEach(d -> bySample.put(d.sampleId(), d));
            return bySample;
        });
    }

    @Override
    public List<Decision> history(long sampleId) {
        return Sql.call(
                db,
                "read the history of sample " + sampleId,
                c -> list(c, "SELECT " + COLUMNS + " FROM decision d WHERE d.sample_id = ? ORDER BY d.id", sampleId));
    }

    @Override
    public List<Edit> edits(long runId) {
        return Sql.call(db, "read the edits of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.sample_id, s.text, s.label, d.edited_text,"
                    + " d.edited_label FROM decision d JOIN sample s ON s.id = d.sample_id WHERE s.run_id = ?"
                    + " AND d.status = 'edited' AND " + COUNTS + " ORDER BY s.ordinal, s.id")) {
                ps.setLong(1, runId);
                List<Edit> edits = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        edits.add(new Edit(
                                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return edits;
            }
        });
    }

    private static Decision read(Connection c, long decisionId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM decision d WHERE d.id = ?", decisionId)
                .get(0);
    }

    private static List<Decision> list(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            List<Decision> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Decision(
                            rs.getLong(1),
                            rs.getLong(2),
                            DecisionStatus.fromId(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
            return out;
        }
    }
}
