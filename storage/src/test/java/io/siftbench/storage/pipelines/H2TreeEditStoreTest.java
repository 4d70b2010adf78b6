package io.siftbench.storage.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.pipelines.PipelineFile;
import io.siftbench.model.pipelines.PipelineSettings;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.pipelines.TreeEdit;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptFile;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edits of topic trees in a real project file: kept in the order made, per pipeline run and step. */
class H2TreeEditStoreTest {

    @TempDir
    Path dir;

    private Project open() {
        return new H2ProjectOpener().open(dir.resolve("project"));
    }

    @Test
    void editsAreReadBackInTheOrderMadeForTheirOwnTreeOnlyAfterAReopen() {
        long run;
        try (Project p = open()) {
            p.prompts()
                    .save(PromptFile.parse(
                            """
                            {"name": "sub", "mode": "synthesize", "template": {"user": "{{condition.topic}}"},
                             "conditions": [{"name": "topic", "values": [{"value": "x"}]}],
                             "output": {"schema": {"type": "object",
                               "properties": {"subtopics": {"type": "array", "items": {"type": "string"}}}}}}
                            """,
                            "sub"));
            StoredPipeline tree = p.pipelines()
                    .save(PipelineFile.parse(
                            """
                            {"name": "t", "steps": [{"name": "topics", "prompt": "sub", "input": "none",
                              "tree": {"root": "banking", "depth": 1}}]}
                            """,
                            "t"));
            run = p.pipelines().createRun(tree.id(), new PipelineSettings(null, null, null, 7, 1, 1, "{}"));
            p.treeEdits().add(run, 0, new TreeEdit(TreeEdit.Kind.PRUNE, "banking/loans", null));
            p.treeEdits().add(run, 0, new TreeEdit(TreeEdit.Kind.ADD, "banking", "cards abroad"));
            p.treeEdits().add(run, 0, new TreeEdit(TreeEdit.Kind.APPROVE, "banking", null));
            p.treeEdits().add(run, 1, new TreeEdit(TreeEdit.Kind.PRUNE, "other", null));
        }
        try (Project p = open()) {
            assertThat(p.treeEdits().list(run, 0))
                    .containsExactly(
                            new TreeEdit(TreeEdit.Kind.PRUNE, "banking/loans", null),
                            new TreeEdit(TreeEdit.Kind.ADD, "banking", "cards abroad"),
                            new TreeEdit(TreeEdit.Kind.APPROVE, "banking", null));
            assertThat(p.treeEdits().list(run + 1, 0)).isEmpty();
        }
    }
}
