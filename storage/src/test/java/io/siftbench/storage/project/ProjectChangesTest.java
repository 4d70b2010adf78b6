package io.siftbench.storage.project;

import static io.siftbench.model.project.ProjectChange.Kind.DATASETS;
import static io.siftbench.model.project.ProjectChange.Kind.DECISIONS;
import static io.siftbench.model.project.ProjectChange.Kind.PREFERENCES;
import static io.siftbench.model.project.ProjectChange.Kind.PROMPTS;
import static io.siftbench.model.project.ProjectChange.Kind.RUNS;
import static io.siftbench.model.project.ProjectChange.Kind.SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectChange;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.Label;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.TaskSpec;
import io.siftbench.model.prompts.Template;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write a screen shows is told to the project's changes once it is committed, with the run it belongs to,
 * and a write that fails tells nothing: what the screens follow to stay current.
 */
class ProjectChangesTest {

    @TempDir
    Path dir;

    @Test
    void eachCommittedWriteIsToldWithItsKindAndRun() throws Exception {
        Path file = dir.resolve("changes.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        Path csv = Files.writeString(dir.resolve("b77.csv"), "text,category\nwhere is my card,card_arrival\n");
        try (Project project = new H2ProjectOpener().open(file)) {
            List<ProjectChange> heard = new CopyOnWriteArrayList<>();
            Runnable unlisten = project.changes().listen(heard::add);

            DatasetInfo dataset = project.datasets()
                    .importFile(ImportOptions.of(csv), ImportProgress.NONE)
                    .dataset();
            project.datasets().rename(dataset.id(), "banking");
            assertThat(heard).extracting(ProjectChange::kind).containsExactly(DATASETS, DATASETS);

            heard.clear();
            List<Sample> samples = RunFixture.run(project, version, PromptMode.ANNOTATE, 3);
            long run = samples.get(0).runId();
            assertThat(heard)
                    .containsExactly(
                            new ProjectChange(RUNS, run),
                            new ProjectChange(SAMPLES, run),
                            new ProjectChange(SAMPLES, run),
                            new ProjectChange(SAMPLES, run),
                            new ProjectChange(RUNS, run));

            heard.clear();
            project.decisions().decide(Decision.of(samples.get(0).id(), DecisionStatus.ACCEPTED, null));
            project.decisions().undo();
            project.decisions().redo();
            project.preferences().prefer(samples.get(0).id(), samples.get(1).id());
            assertThat(heard)
                    .extracting(ProjectChange::kind)
                    .containsExactly(DECISIONS, DECISIONS, DECISIONS, PREFERENCES);

            heard.clear();
            project.prompts().save(annotator());
            assertThat(heard).extracting(ProjectChange::kind).containsExactly(PROMPTS);

            unlisten.run();
            project.prompts().save(annotator());
            assertThat(heard).hasSize(1);
        }
    }

    @Test
    void aWriteThatFailsTellsNothing() throws Exception {
        Path file = dir.resolve("failed.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            List<Sample> samples = RunFixture.run(project, version, PromptMode.ANNOTATE, 1);
            List<ProjectChange> heard = new CopyOnWriteArrayList<>();
            project.changes().listen(heard::add);

            assertThat(project.decisions().undo()).isEmpty();
            project.decisions().redo();
            assertThatThrownBy(() -> project.decisions().decide(Decision.of(999_999, DecisionStatus.REJECTED, null)))
                    .hasMessageContaining("no sample 999999");
            assertThatThrownBy(() -> project.preferences()
                            .prefer(samples.get(0).id(), samples.get(0).id()))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(heard).isEmpty();
        }
    }

    private static PromptVersion annotator() {
        return new PromptVersion(
                "intents",
                "a note",
                PromptMode.ANNOTATE,
                new TaskSpec(
                        "You label questions.",
                        null,
                        null,
                        List.of(new Label("card_arrival", null, null)),
                        false,
                        false),
                new Template("{{task.role}}", "{{text}}"),
                List.of(Condition.of("tone", "angry", "polite")),
                null,
                null,
                null);
    }
}
