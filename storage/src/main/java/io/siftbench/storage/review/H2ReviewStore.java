package io.siftbench.storage.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.review.ReviewStore;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.storage.Json;
import io.siftbench.storage.Sql;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The review queue's reads (samples with their decisions, labels) and the remembered position per run. */
public final class H2ReviewStore implements ReviewStore {

    /** Rows a query of {@link #items} reads at a time. */
    private static final int PAGE = 1_000;

    private final DataSource db;
    private final SampleStore samples;
    private final DecisionStore decisions;

    public H2ReviewStore(DataSource db, SampleStore samples, DecisionStore decisions) {
        this.db = db;
        this.samples = samples;
        this.decisions = decisions;
    }

    @Override
    public List<ReviewItem> items(long runId) {
        List<ReviewItem> items = new ArrayList<>();
        forEachPage(runId, PAGE, items::addAll);
        return items;
    }

    @Override
    public void forEachPage(long runId, int size, Consumer<List<ReviewItem>> page) {
        Map<Long, Decision> current = decisions.currentOfRun(runId);
        samples.forEachPage(runId, size, read -> {
            List<ReviewItem> items = new ArrayList<>(read.size());
            read.forEach(s -> items.add(ReviewItem.of(s, current.get(s.id()))));
            page.accept(items);
        });
    }

    @Override
    public List<String> labels(long runId) {
        List<String> fromSpec = Sql.call(db, "read the labels of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT v.spec FROM run r JOIN prompt_version v"
                    + " ON v.id = r.prompt_version_id WHERE r.id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? labelsOf(rs.getString(1)) : List.<String>of();
                }
            }
        });
        if (!fromSpec.isEmpty()) {
            return fromSpec;
        }
        return Sql.call(db, "read the labels of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT label FROM sample WHERE run_id = ?" + " AND label IS NOT NULL ORDER BY label")) {
                ps.setLong(1, runId);
                List<String> labels = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        labels.add(rs.getString(1));
                    }
                }
                return labels;
            }
        });
    }

    /** {@code task.labels[].name} of a prompt file (docs/ARCHITECTURE.md); a spec without them has no labels. */
    private static List<String> labelsOf(String spec) {
        try {
            JsonNode labels = Json.MAPPER.readTree(spec).path("task").path("labels");
            List<String> names = new ArrayList<>();
            labels.forEach(l -> names.add(l.path("name").asText(null)));
            return names.stream().filter(Objects::nonNull).toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void savePosition(long runId, long sampleId) {
        Sql.call(db, "remember the review position in run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO review_position (run_id, sample_id, updated_at)"
                    + " KEY (run_id) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                ps.setLong(1, runId);
                ps.setLong(2, sampleId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Long> position(long runId) {
        return Sql.call(db, "read the review position in run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sample_id FROM review_position WHERE run_id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }
}
