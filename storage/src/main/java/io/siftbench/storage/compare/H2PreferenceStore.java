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

/** Preferences in the {@code preference} table, one row per pair. */
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
                            return new Preference(keys.getLong(1), chosenSampleId, rejectedSampleId);
                        }
                    }
                });
        changes.told(ProjectChange.of(ProjectChange.Kind.PREFERENCES));
        return stored;
    }

    @Override
    public List<Preference> ofRun(long runId) {
        return Sql.call(db, "read the preferences of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.chosen_sample_id, p.rejected_sample_id"
                    + " FROM preference p WHERE EXISTS (SELECT 1 FROM sample s WHERE s.run_id = ?"
                    + " AND s.id IN (p.chosen_sample_id, p.rejected_sample_id)) ORDER BY p.id")) {
                ps.setLong(1, runId);
                List<Preference> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Preference(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                    }
                }
                return out;
            }
        });
    }
}
