package io.siftbench.storage.demonstrations;

import io.siftbench.model.demonstrations.EmbeddingCache;
import io.siftbench.storage.Sql;
import io.siftbench.storage.embeddings.VectorBytes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Record embeddings in {@code record_embedding}, each vector as little-endian 32-bit floats. */
public final class H2EmbeddingCache implements EmbeddingCache {

    private final DataSource db;

    public H2EmbeddingCache(DataSource db) {
        this.db = db;
    }

    @Override
    public Map<Long, float[]> load(long datasetId, String model, Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Map.of();
        }
        return Sql.call(db, "read record embeddings", c -> {
            Map<Long, float[]> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT record_id, vector FROM record_embedding WHERE dataset_id = ? AND model = ? AND record_id = ANY(?)")) {
                ps.setLong(1, datasetId);
                ps.setString(2, model);
                ps.setObject(3, recordIds.toArray(Long[]::new));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), VectorBytes.decode(rs.getBytes(2)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void store(long datasetId, String model, Map<Long, float[]> vectors) {
        Sql.inTransaction(db, "store record embeddings", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO record_embedding (dataset_id, record_id, model, vector) KEY (dataset_id, record_id, model) "
                            + "VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
                    ps.setLong(1, datasetId);
                    ps.setLong(2, e.getKey());
                    ps.setString(3, model);
                    ps.setBytes(4, VectorBytes.encode(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
