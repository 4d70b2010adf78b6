package io.siftbench.storage.embeddings;

import io.siftbench.model.embeddings.TextEmbeddingCache;
import io.siftbench.storage.Sql;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Text embeddings in {@code text_embedding}, found by the model and the SHA-256 of the text. */
public final class H2TextEmbeddingCache implements TextEmbeddingCache {

    /** Hashes asked for in one query: a run of any size is read in a few round trips of bounded size. */
    private static final int CHUNK = 1000;

    private final DataSource db;

    public H2TextEmbeddingCache(DataSource db) {
        this.db = db;
    }

    @Override
    public Map<String, float[]> load(String model, Collection<String> texts) {
        Map<ByteBuffer, String> byHash = new HashMap<>();
        new LinkedHashSet<>(texts).forEach(text -> byHash.put(ByteBuffer.wrap(hash(text)), text));
        List<byte[]> hashes = byHash.keySet().stream().map(ByteBuffer::array).toList();
        Map<String, float[]> found = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            List<byte[]> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
            Sql.call(db, "read text embeddings", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT text_hash, vector FROM text_embedding WHERE model = ? AND text_hash = ANY(?)")) {
                    ps.setString(1, model);
                    ps.setObject(2, chunk.toArray(byte[][]::new));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(byHash.get(ByteBuffer.wrap(rs.getBytes(1))), VectorBytes.decode(rs.getBytes(2)));
                        }
                    }
                }
                return null;
            });
        }
        return found;
    }

    @Override
    public void store(String model, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        Sql.inTransaction(db, "store text embeddings", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO text_embedding (model, text_hash, vector) KEY (model, text_hash) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    ps.setString(1, model);
                    ps.setBytes(2, hash(e.getKey()));
                    ps.setBytes(3, VectorBytes.encode(e.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** SHA-256 of the text's UTF-8 bytes: a key of fixed size for a text of any length. */
    private static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
