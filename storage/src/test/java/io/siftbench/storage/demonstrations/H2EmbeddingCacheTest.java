package io.siftbench.storage.demonstrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.ProjectFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2EmbeddingCacheTest {

    /** Embeddings belong to a dataset; the datasets feature imports them, so tests register a bare one. */
    static long addDataset(Path project, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(ProjectFile.of(project).jdbcUrl(false), "sa", "");
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO dataset (name, table_name, format) VALUES ('" + name + "', 'ds_" + name + "', 'csv')",
                    Statement.RETURN_GENERATED_KEYS);
            try (var keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Test
    void keepsVectorsPerDatasetRecordAndModelAcrossReopening(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("project");
        long dataset;
        try (Project p = new H2ProjectOpener().open(file)) {
            dataset = addDataset(file, "b77");
            p.recordEmbeddings()
                    .store(dataset, "minilm", Map.of(1L, new float[] {0.5f, -1.25f, 3e-7f}, 2L, new float[] {1, 2, 3}));
            p.recordEmbeddings().store(dataset, "other", Map.of(1L, new float[] {9, 9, 9}));
            p.recordEmbeddings().store(dataset, "minilm", Map.of(2L, new float[] {4, 5, 6}));
        }

        try (Project p = new H2ProjectOpener().open(file)) {
            Map<Long, float[]> minilm = p.recordEmbeddings().load(dataset, "minilm", List.of(1L, 2L, 3L));
            assertThat(minilm).containsOnlyKeys(1L, 2L);
            assertThat(minilm.get(1L)).containsExactly(0.5f, -1.25f, 3e-7f);
            assertThat(minilm.get(2L))
                    .as("a newer vector replaces the older one")
                    .containsExactly(4, 5, 6);
            assertThat(p.recordEmbeddings()
                            .load(dataset, "other", List.of(1L, 2L))
                            .get(1L))
                    .containsExactly(9, 9, 9);
            assertThat(p.recordEmbeddings().load(dataset, "minilm", List.of())).isEmpty();
        }
    }
}
