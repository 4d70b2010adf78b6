package io.siftbench.storage.pipelines;

import io.siftbench.model.pipelines.TreeEdit;
import io.siftbench.model.pipelines.TreeEditStore;
import io.siftbench.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The edits of topic trees in the {@code topic_tree_edit} table, in the order they were made. */
public final class H2TreeEditStore implements TreeEditStore {

    private final DataSource db;

    public H2TreeEditStore(DataSource db) {
        this.db = db;
    }

    @Override
    public void add(long pipelineRun, int step, TreeEdit edit) {
        Sql.call(db, "store an edit of the topic tree of pipeline run " + pipelineRun, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO topic_tree_edit (pipeline_run_id, step, action, path, name) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, pipelineRun);
                ps.setInt(2, step);
                ps.setString(3, edit.kind().id());
                ps.setString(4, edit.path());
                ps.setString(5, edit.name());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<TreeEdit> list(long pipelineRun, int step) {
        return Sql.call(db, "read the edits of the topic tree of pipeline run " + pipelineRun, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT action, path, name FROM topic_tree_edit"
                    + " WHERE pipeline_run_id = ? AND step = ? ORDER BY id")) {
                ps.setLong(1, pipelineRun);
                ps.setInt(2, step);
                List<TreeEdit> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TreeEdit(TreeEdit.Kind.fromId(rs.getString(1)), rs.getString(2), rs.getString(3)));
                    }
                }
                return out;
            }
        });
    }
}
