package io.siftbench.storage.prompts;

import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.project.ProjectChanges;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.DiffLine;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.model.prompts.PromptFileException;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptNames;
import io.siftbench.model.prompts.PromptStore;
import io.siftbench.model.prompts.PromptValidator;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Prompts in the {@code prompt} table and their versions in {@code prompt_version}, each version's
 * {@code spec} being its prompt file. Versions are only ever inserted: no statement here updates or
 * deletes one.
 */
public final class H2PromptStore implements PromptStore {

    private static final String VERSION_COLUMNS =
            "SELECT v.id, p.name, v.version, v.note, v.mode, v.created_at FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id ";

    private final DataSource db;
    private final ProjectChanges changes;

    public H2PromptStore(DataSource db, ProjectChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    @Override
    public StoredVersion save(PromptVersion version) {
        List<String> problems = PromptValidator.problems(version);
        if (!problems.isEmpty()) {
            throw new PromptFileException(
                    "Cannot save prompt '" + PromptNames.shown(version.name()) + "': " + String.join("; ", problems));
        }
        long id = Sql.inTransaction(db, "save prompt '" + PromptNames.shown(version.name()) + "'", c -> {
            long promptId = Sql.lockByName(c, "prompt", version.name());
            int next;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM prompt_version WHERE prompt_id = ?")) {
                ps.setLong(1, promptId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO prompt_version (prompt_id, version, note, mode, spec) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, promptId);
                ps.setInt(2, next);
                ps.setString(3, version.note());
                ps.setString(4, mode(version.mode()));
                ps.setString(5, PromptFile.write(version));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        changes.told(ProjectChange.of(ProjectChange.Kind.PROMPTS));
        return one(VERSION_COLUMNS + "WHERE v.id = ?", id);
    }

    @Override
    public List<StoredVersion> list() {
        return query(
                "list prompts",
                VERSION_COLUMNS
                        + "WHERE v.version = (SELECT MAX(w.version) FROM prompt_version w WHERE w.prompt_id = v.prompt_id) "
                        + "ORDER BY p.name");
    }

    @Override
    public List<StoredVersion> versions(String name) {
        return query(
                "list the versions of prompt '" + PromptNames.shown(name) + "'",
                VERSION_COLUMNS + "WHERE p.name = ? ORDER BY v.version",
                name);
    }

    @Override
    public PromptVersion load(String name, int version) {
        return spec(
                "load prompt '" + PromptNames.shown(name) + "' version " + version,
                "SELECT v.spec FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id WHERE p.name = ? AND v.version = ?",
                name,
                version);
    }

    @Override
    public PromptVersion load(long versionId) {
        return spec("load prompt version #" + versionId, "SELECT spec FROM prompt_version WHERE id = ?", versionId);
    }

    @Override
    public List<DiffLine> diff(String name, int fromVersion, int toVersion) {
        return PromptDiff.lines(PromptFile.write(load(name, fromVersion)), PromptFile.write(load(name, toVersion)));
    }

    private PromptVersion spec(String what, String sql, Object... args) {
        String json = Sql.call(db, what, c -> {
            try (PreparedStatement ps = bind(c.prepareStatement(sql), args);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        if (json == null) {
            throw new ProjectException("Could not " + what + ": there is no such prompt version");
        }
        return PromptFile.readStored(json, what);
    }

    private StoredVersion one(String sql, long id) {
        return query("read prompt version #" + id, sql, id).get(0);
    }

    private List<StoredVersion> query(String what, String sql, Object... args) {
        return Sql.call(db, what, c -> {
            List<StoredVersion> out = new ArrayList<>();
            try (PreparedStatement ps = bind(c.prepareStatement(sql), args);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredVersion(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getString(4),
                            PromptMode.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                            rs.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        });
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private static String mode(PromptMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
