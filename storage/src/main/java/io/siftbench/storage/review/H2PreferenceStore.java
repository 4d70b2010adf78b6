package io.siftbench.storage.review;

import io.siftbench.model.review.PreferenceStore;
import io.siftbench.storage.Sql;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Preferences in the {@code preference} table of the project schema. */
public final class H2PreferenceStore implements PreferenceStore {

    private final DataSource db;

    public H2PreferenceStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Preference record(long chosenSampleId, long rejectedSampleId) {
        if (chosenSampleId == rejectedSampleId) {
            throw new IllegalArgumentException("sample " + chosenSampleId + " cannot be preferred to itself");
        }
        return Sql.call(db, "record the preference of sample " + chosenSampleId + " over " + rejectedSampleId, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO preference (chosen_sample_id,"
                    + " rejected_sample_id) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, chosenSampleId);
                ps.setLong(2, rejectedSampleId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Preference(keys.getLong(1), chosenSampleId, rejectedSampleId);
                }
            }
        });
    }

    @Override
    public List<Preference> ofRun(long runId) {
        return Sql.call(db, "read the preferences of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.chosen_sample_id, p.rejected_sample_id"
                    + " FROM preference p WHERE EXISTS (SELECT 1 FROM sample s WHERE s.run_id = ?"
                    + " AND s.id IN (p.chosen_sample_id, p.rejected_sample_id)) ORDER BY p.id")) {
                ps.setLong(1, runId);
                return read(ps);
            }
        });
    }

    private static List<Preference> read(PreparedStatement ps) throws SQLException {
        List<Preference> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new Preference(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return found;
    }
}
