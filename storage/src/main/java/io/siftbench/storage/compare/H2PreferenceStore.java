package io.siftbench.storage.compare;

import io.siftbench.model.compare.PreferenceStore;
import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectChanges;
import io.siftbench.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Preferences in the {@code preference} table, one row per pair, with where it comes from ({@code origin}). */
public final class H2PreferenceStore implements PreferenceStore {

    private final DataSource db;
    private final ProjectChanges changes;

    public H2PreferenceStore(DataSource db, ProjectChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    @Override
    public Preference prefer(long chosenSampleId, long rejectedSampleId) {
        if (chosenSampleId == rejectedSampleId) {
            throw new IllegalArgumentException("a sample cannot be preferred over itself (" + chosenSampleId + ")");
        }
        Preference stored =
                Sql.call(db, "record the preference of sample " + chosenSampleId + " over " + rejectedSampleId, c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO preference (chosen_sample_id," + " rejected_sample_id) VALUES (?, ?)",
                            Statement.RETURN_GENERATED_KEYS)) {
                        ps.setLong(1, chosenSampleId);
                        ps.setLong(2, rejectedSampleId);
                        try {
                            ps.executeUpdate();
                        } catch (SQLException e) {
                            if (e.getErrorCode()
                                    == org.h2.api.ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1) {
                                throw new SQLException("both samples must exist", e);
                            }
                            throw e;
                        }
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            return new Preference(keys.getLong(1), chosenSampleId, rejectedSampleId, Origin.COMPARE);
                        }
                    }
                });
        changes.told(ProjectChange.of(ProjectChange.Kind.PREFERENCES));
        return stored;
    }

    @Override
    public int preferFromPipeline(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return 0;
        }
        int added = Sql.inTransaction(db, "record the preference pairs of a pipeline step", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO preference (chosen_sample_id,"
                    + " rejected_sample_id, origin) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM preference"
                    + " WHERE chosen_sample_id = ? AND rejected_sample_id = ? AND origin = ?)")) {
                int n = 0;
                for (Pair pair : pairs) {
                    for (int at = 0; at < 6; at += 3) {
                        ps.setLong(at + 1, pair.chosenSampleId());
                        ps.setLong(at + 2, pair.rejectedSampleId());
                        ps.setString(at + 3, Origin.PIPELINE.id());
                    }
                    n += ps.executeUpdate();
                }
                return n;
            }
        });
        if (added > 0) {
            changes.told(ProjectChange.of(ProjectChange.Kind.PREFERENCES));
        }
        return added;
    }

    @Override
    public List<Preference> ofRun(long runId) {
        return Sql.call(db, "read the preferences of run " + runId, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT p.id, p.chosen_sample_id, p.rejected_sample_id, p.origin"
                            + " FROM preference p WHERE EXISTS (SELECT 1 FROM sample s WHERE s.run_id = ?"
                            + " AND s.id IN (p.chosen_sample_id, p.rejected_sample_id)) ORDER BY p.id")) {
                ps.setLong(1, runId);
                List<Preference> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Preference(
                                rs.getLong(1), rs.getLong(2), rs.getLong(3), Origin.fromId(rs.getString(4))));
                    }
                }
                return out;
            }
        });
    }
}
