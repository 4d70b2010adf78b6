package io.siftbench.storage.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import io.siftbench.model.curation.JudgeVerdict;
import io.siftbench.model.curation.Judgements;
import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectChanges;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.runs.EndpointFigures;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.model.runs.Slot;
import io.siftbench.model.runs.SlotKeys;
import io.siftbench.storage.Json;
import io.siftbench.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Samples in the {@code sample} table; each one committed on its own the moment it is added. */
public final class H2SampleStore implements SampleStore {

    private static final TypeReference<LinkedHashMap<String, String>> CONDITIONS = new TypeReference<>() {};
    private static final TypeReference<List<Long>> IDS = new TypeReference<>() {};
    private static final TypeReference<List<Message>> MESSAGES = new TypeReference<>() {};
    private static final TypeReference<List<String>> VOTES = new TypeReference<>() {};
    private static final String COLUMNS = "id, run_id, slot_key, ordinal, record_id, conditions, demonstration_ids,"
            + " messages, model, parameters, seed, raw_output, label, rationale, confidence, text, parsed, valid,"
            + " validation_error, votes, prompt_tokens, completion_tokens, latency_ms, finish_reason, error, created_at,"
            + " judged_sample_id, parent_sample_id, endpoint";

    private final DataSource db;
    private final ProjectChanges changes;

    public H2SampleStore(DataSource db, ProjectChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    @Override
    public Set<String> doneSlotKeys(long runId) {
        return Sql.call(db, "read the samples of run " + runId, c -> {
            SlotKeys.Builder keys = new SlotKeys.Builder();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT slot_key FROM sample WHERE run_id = ? AND error IS NULL")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            return keys.build();
        });
    }

    @Override
    public Sample add(Sample s) {
        Sample stored = Sql.inTransaction(db, "store a sample of run " + s.runId(), c -> insert(c, s));
        changes.told(new ProjectChange(ProjectChange.Kind.SAMPLES, s.runId()));
        return stored;
    }

    /**
     * One transaction, so one commit for them all: a sample's commit costs far more than its insert (H2 writes the
     * changed pages of every index), which a batch import of thousands would otherwise pay thousands of times.
     */
    @Override
    public List<Sample> addAll(List<Sample> samples) {
        if (samples.isEmpty()) {
            return List.of();
        }
        long runId = samples.get(0).runId();
        List<Sample> stored = Sql.inTransaction(db, "store " + samples.size() + " samples of run " + runId, c -> {
            List<Sample> out = new ArrayList<>(samples.size());
            for (Sample s : samples) {
                out.add(insert(c, s));
            }
            return out;
        });
        samples.stream()
                .map(Sample::runId)
                .distinct()
                .forEach(run -> changes.told(new ProjectChange(ProjectChange.Kind.SAMPLES, run)));
        return stored;
    }

    /** Stores {@code s} within the caller's transaction, replacing a failed sample of its slot. */
    private static Sample insert(Connection c, Sample s) throws SQLException {
        try (PreparedStatement drop =
                c.prepareStatement("DELETE FROM sample WHERE run_id = ? AND slot_key = ? AND error IS NOT NULL")) {
            drop.setLong(1, s.runId());
            drop.setString(2, s.slot().key());
            drop.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sample (" + COLUMNS.substring(4).replace(", created_at", "")
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"ID", "CREATED_AT"})) {
            Slot slot = s.slot();
            ps.setLong(1, s.runId());
            ps.setString(2, slot.key());
            ps.setInt(3, slot.ordinal());
            setLong(ps, 4, slot.recordId());
            ps.setString(5, Json.write(slot.conditions()));
            ps.setString(6, Json.write(slot.demonstrationIds()));
            ps.setString(7, Json.write(slot.messages()));
            ps.setString(8, s.model());
            ps.setString(9, s.parameters());
            setLong(ps, 10, s.seed());
            ps.setString(11, s.rawOutput());
            ps.setString(12, s.label());
            ps.setString(13, s.rationale());
            if (s.confidence() == null) {
                ps.setNull(14, Types.DOUBLE);
            } else {
                ps.setDouble(14, s.confidence());
            }
            ps.setString(15, s.text());
            ps.setString(16, s.parsed());
            ps.setBoolean(17, s.valid());
            ps.setString(18, truncate(s.validationError()));
            ps.setString(19, s.votes().isEmpty() ? null : Json.write(s.votes()));
            setInt(ps, 20, s.promptTokens());
            setInt(ps, 21, s.completionTokens());
            setLong(ps, 22, s.latencyMillis());
            ps.setString(23, s.finishReason());
            ps.setString(24, truncate(s.error()));
            setLong(ps, 25, slot.judgedSampleId());
            setLong(ps, 26, slot.parentSampleId());
            ps.setString(27, s.endpoint());
            try {
                ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getErrorCode() == org.h2.api.ErrorCode.DUPLICATE_KEY_1) {
                    throw new ProjectException(
                            "Slot " + slot.key() + " of run " + s.runId()
                                    + " already has a sample; it is never generated twice.",
                            e);
                }
                throw e;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                // The sample as stored, from what was written and the two values the database gave it: reading
                // the row back (and parsing its messages again) cost a run a noticeable share of its overhead.
                return new Sample(
                        keys.getLong(1),
                        s.runId(),
                        slot,
                        s.model(),
                        s.parameters(),
                        s.seed(),
                        s.rawOutput(),
                        s.label(),
                        s.rationale(),
                        s.confidence(),
                        s.text(),
                        s.parsed(),
                        s.valid(),
                        truncate(s.validationError()),
                        s.votes(),
                        s.promptTokens(),
                        s.completionTokens(),
                        s.latencyMillis(),
                        s.finishReason(),
                        truncate(s.error()),
                        keys.getTimestamp(2).toInstant(),
                        s.endpoint());
            }
        }
    }

    @Override
    public List<Sample> list(long runId, int offset, int limit) {
        return Sql.call(db, "read the samples of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM sample WHERE run_id = ? ORDER BY ordinal, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                ps.setLong(1, runId);
                ps.setInt(2, offset);
                ps.setInt(3, limit);
                List<Sample> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void forEachPage(long runId, int size, Consumer<List<Sample>> page) {
        int ordinal = Integer.MIN_VALUE;
        long id = Long.MIN_VALUE;
        while (true) {
            List<Sample> read = page(runId, ordinal, id, size);
            if (read.isEmpty()) {
                return;
            }
            page.accept(read);
            Sample last = read.get(read.size() - 1);
            ordinal = last.slot().ordinal();
            id = last.id();
            if (read.size() < size) {
                return;
            }
        }
    }

    private List<Sample> page(long runId, int afterOrdinal, long afterId, int size) {
        return Sql.call(db, "read the samples of run " + runId, c -> {
            // "ordinal >= ?" starts the index range at the page, and ordering by the index's own columns (run_id,
            // ordinal, then the row's id, which H2 keeps in every index) lets the read stop after one page: ordered
            // by "ordinal, id" alone, H2 sorted the rest of the run for every page, quadratic in the run's size.
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM sample WHERE run_id = ? AND ordinal >= ? AND (ordinal > ? OR id > ?)"
                    + " ORDER BY run_id, ordinal, id FETCH NEXT ? ROWS ONLY")) {
                ps.setLong(1, runId);
                ps.setInt(2, afterOrdinal);
                ps.setInt(3, afterOrdinal);
                ps.setLong(4, afterId);
                ps.setInt(5, size);
                List<Sample> out = new ArrayList<>(Math.min(size, 1024));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long count(long runId) {
        return Sql.call(db, "count the samples of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sample WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<Sample> find(long sampleId) {
        return Sql.call(db, "read sample " + sampleId, c -> find(c, sampleId));
    }

    @Override
    public List<EndpointFigures> endpointFigures(long runId) {
        return Sql.call(db, "read the endpoints of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT endpoint,"
                    + " COUNT(CASE WHEN error IS NULL THEN 1 END), COUNT(CASE WHEN error IS NOT NULL THEN 1 END),"
                    + " AVG(CASE WHEN error IS NULL THEN CAST(latency_ms AS DOUBLE PRECISION) END),"
                    + " MEDIAN(CASE WHEN error IS NULL THEN latency_ms END)"
                    + " FROM sample WHERE run_id = ? AND endpoint IS NOT NULL GROUP BY endpoint ORDER BY endpoint")) {
                ps.setLong(1, runId);
                List<EndpointFigures> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EndpointFigures(
                                rs.getString(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                Math.round(rs.getDouble(4)),
                                Math.round(rs.getDouble(5))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Judgements judgements(long runId) {
        return Sql.call(db, "read the judgements of run " + runId, c -> {
            Long judgeRun;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(j.run_id) FROM sample j"
                    + " JOIN sample s ON s.id = j.judged_sample_id WHERE s.run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    judgeRun = getLong(rs, 1);
                }
            }
            if (judgeRun == null) {
                return Judgements.NONE;
            }
            Map<Long, JudgeVerdict> verdicts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT judged_sample_id, confidence, rationale FROM sample"
                    + " WHERE run_id = ? AND judged_sample_id IS NOT NULL AND error IS NULL AND valid"
                    + " AND confidence IS NOT NULL")) {
                ps.setLong(1, judgeRun);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        verdicts.put(rs.getLong(1), new JudgeVerdict(rs.getDouble(2), rs.getString(3)));
                    }
                }
            }
            return new Judgements(judgeRun, verdicts);
        });
    }

    private static Optional<Sample> find(java.sql.Connection c, long sampleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sample WHERE id = ?")) {
            ps.setLong(1, sampleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Sample read(ResultSet rs) throws SQLException {
        Map<String, String> conditions = Json.read(rs.getString(6), CONDITIONS);
        List<Long> demos = Json.read(rs.getString(7), IDS);
        Slot slot = new Slot(
                rs.getString(3),
                rs.getInt(4),
                getLong(rs, 5),
                conditions == null ? Map.of() : conditions,
                demos == null ? List.of() : demos,
                Json.read(rs.getString(8), MESSAGES),
                getLong(rs, 27),
                getLong(rs, 28));
        double confidence = rs.getDouble(15);
        Double conf = rs.wasNull() ? null : confidence;
        int pt = rs.getInt(21);
        Integer promptTokens = rs.wasNull() ? null : pt;
        int ct = rs.getInt(22);
        Integer completionTokens = rs.wasNull() ? null : ct;
        return new Sample(
                rs.getLong(1),
                rs.getLong(2),
                slot,
                rs.getString(9),
                rs.getString(10),
                getLong(rs, 11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                conf,
                rs.getString(16),
                rs.getString(17),
                rs.getBoolean(18),
                rs.getString(19),
                Json.read(rs.getString(20), VOTES),
                promptTokens,
                completionTokens,
                getLong(rs, 23),
                rs.getString(24),
                rs.getString(25),
                rs.getTimestamp(26).toInstant(),
                rs.getString(29));
    }

    private static Long getLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** The columns hold 4,000 characters; a longer message keeps its start, which says what went wrong. */
    private static String truncate(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "…";
    }
}
