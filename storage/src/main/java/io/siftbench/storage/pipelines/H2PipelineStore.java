package io.siftbench.storage.pipelines;

import io.siftbench.model.pipelines.Pipeline;
import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineFileException;
import io.siftbench.model.pipelines.PipelinePrompts;
import io.siftbench.model.pipelines.PipelineRun;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.PipelineStore;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectChanges;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.PromptNames;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Pipelines in the {@code pipeline} table, their versions in {@code pipeline_version} (each version's {@code spec}
 * its pipeline file, prompts pinned) and their runs in {@code pipeline_run}. Versions are only ever inserted.
 */
public final class H2PipelineStore implements PipelineStore {

    private static final String VERSIONS = "SELECT v.id, p.name, v.version, v.created_at, v.spec"
            + " FROM pipeline_version v JOIN pipeline p ON p.id = v.pipeline_id ";

    private final DataSource db;
    private final ProjectChanges changes;
    private final PipelinePrompts prompts;

    public H2PipelineStore(DataSource db, ProjectChanges changes, PromptStore prompts) {
        this.db = db;
        this.changes = changes;
        this.prompts = new PipelinePrompts(prompts);
    }

    @Override
    public StoredPipeline save(Pipeline pipeline) {
        List<String> problems = PipelineFile.problems(pipeline);
        if (!problems.isEmpty()) {
            throw new PipelineFileException("Cannot save pipeline '"
                    + PromptNames.shown(String.valueOf(pipeline.name())) + "': " + String.join("; ", problems));
        }
        Pipeline pinned = prompts.pinned(pipeline);
        long id = Sql.inTransaction(db, "save pipeline '" + PromptNames.shown(pipeline.name()) + "'", c -> {
            long pipelineId = Sql.lockByName(c, "pipeline", pipeline.name());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pipeline_version"
                            + " (pipeline_id, version, note, spec) SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?"
                            + " FROM pipeline_version WHERE pipeline_id = ?",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, pipelineId);
                ps.setString(2, pinned.note());
                ps.setString(3, PipelineFile.write(pinned));
                ps.setLong(4, pipelineId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        changes.told(ProjectChange.of(ProjectChange.Kind.PIPELINES));
        return load(id);
    }

    @Override
    public List<StoredPipeline> list() {
        return query(
                "list pipelines",
                VERSIONS + "WHERE v.version = (SELECT MAX(w.version) FROM pipeline_version w"
                        + " WHERE w.pipeline_id = v.pipeline_id) ORDER BY p.name");
    }

    @Override
    public List<StoredPipeline> versions(String name) {
        return query(
                "list the versions of pipeline '" + PromptNames.shown(name) + "'",
                VERSIONS + "WHERE p.name = ? ORDER BY v.version",
                name);
    }

    @Override
    public StoredPipeline load(long versionId) {
        List<StoredPipeline> found =
                query("load pipeline version #" + versionId, VERSIONS + "WHERE v.id = ?", versionId);
        if (found.isEmpty()) {
            throw new ProjectException("There is no pipeline version #" + versionId + " in this project.");
        }
        return found.get(0);
    }

    @Override
    public long createRun(long versionId, PipelineSettings settings) {
        long id = Sql.call(db, "create the pipeline run", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pipeline_run (pipeline_version_id, settings) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, versionId);
                ps.setString(2, settings.toJson());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        changes.told(ProjectChange.of(ProjectChange.Kind.RUNS));
        return id;
    }

    @Override
    public Optional<PipelineRun> findRun(long pipelineRunId) {
        record Row(long version, String settings, OffsetDateTime createdAt) {}
        Optional<Row> row = Sql.call(db, "read pipeline run " + pipelineRunId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pipeline_version_id, settings, created_at FROM pipeline_run WHERE id = ?")) {
                ps.setLong(1, pipelineRunId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(
                                    new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                            : Optional.empty();
                }
            }
        });
        return row.map(r -> new PipelineRun(
                pipelineRunId,
                load(r.version()),
                PipelineSettings.fromJson(r.settings()),
                r.createdAt().toInstant()));
    }

    private List<StoredPipeline> query(String what, String sql, Object... args) {
        return Sql.call(db, what, c -> {
            List<StoredPipeline> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredPipeline(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(),
                                PipelineFile.readStored(rs.getString(5), "pipeline version #" + rs.getLong(1))));
                    }
                }
            }
            return out;
        });
    }
}
