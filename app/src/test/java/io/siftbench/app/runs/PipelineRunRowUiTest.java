package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.Shell;
import io.siftbench.app.ShellSession;
import io.siftbench.app.ShellSteps;
import io.siftbench.app.backends.LoopbackServer;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.runs.PipelineRunRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A pipeline run started from the Runs screen's "New pipeline run…" with the settings of {@code run --pipeline},
 * against a loopback server that answers slowly: it shows as one row whose steps' progress moves while it runs (the answer step
 * waiting while the questions are written),
 * with no reopen, and ends as "question-answer v1 · question 4/4 · answer 4/4"; choosing the row selects its first
 * step's run in the runs table, where both step runs stay.
 */
class PipelineRunRowUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void aPipelineRunStartedHereIsOneRowWithEachStepsProgressLive() throws Exception {
        try (LoopbackServer server = new LoopbackServer(LoopbackServer.Protocol.OPENAI)) {
            server.always(
                    LoopbackServer.after(Duration.ofMillis(250), QuestionAnswerPipeline.answers(new AtomicInteger())));
            QuestionAnswerPipeline.userBackend(dir, server);
            Path file = dir.resolve("qa.mv.db");
            try (Project project = new H2ProjectOpener().open(file)) {
                QuestionAnswerPipeline.save(project);
            }
            Shell shell = SESSION.start(dir.resolve("settings.json"), file);

            robot.clickOn("#nav-runs");
            robot.clickOn("#run-new-pipeline");
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> robot.lookup("#new-pipeline-run-version").tryQuery().isPresent()
                            && robot.lookup("#new-pipeline-run-samples").query().isVisible());
            assertThat(robot.lookup("#new-pipeline-run-dataset").query().isVisible())
                    .as("no step annotates a dataset: none is asked for")
                    .isFalse();
            @SuppressWarnings("unchecked")
            Spinner<Integer> samples = robot.lookup("#new-pipeline-run-samples").queryAs(Spinner.class);
            robot.interact(() -> samples.getValueFactory().setValue(4));
            @SuppressWarnings("unchecked")
            Spinner<Integer> concurrency =
                    robot.lookup("#new-pipeline-run-concurrency").queryAs(Spinner.class);
            robot.interact(() -> concurrency.getValueFactory().setValue(1));
            robot.clickOn("#new-pipeline-run-start");

            @SuppressWarnings("unchecked")
            TableView<PipelineRunRow> rows = robot.lookup("#pipeline-runs").queryAs(TableView.class);
            // Four questions one at a time at 250 ms each: the row is there, and running, long before the end.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownCell("running"));
            // While the questions are written, the answer step waits for them, and says so.
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> shownCellWhere(
                            t -> t.startsWith("question-answer v1 · question ") && t.endsWith(" · answer waits")));
            WaitForAsyncUtils.waitFor(
                    30, TimeUnit.SECONDS, () -> shownCell("question-answer v1 · question 4/4 · answer 4/4"));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shownCell("completed"));
            assertThat(rows.getItems()).hasSize(1);

            robot.interact(() -> rows.getSelectionModel().select(0));
            @SuppressWarnings("unchecked")
            TableView<RunInfo> runs = robot.lookup("#runs-table").queryAs(TableView.class);
            ShellSteps.settle();
            assertThat(runs.getItems()).extracting(RunInfo::samples).containsExactly(4L, 4L);
            assertThat(runs.getSelectionModel().getSelectedItem().id())
                    .as("the pipeline run's first step is chosen below")
                    .isEqualTo(rows.getItems().get(0).steps().get(0).id());
            assertThat(shell.viewModel()
                            .projectProperty()
                            .get()
                            .pipelines()
                            .findRun(rows.getItems().get(0).pipelineRun()))
                    .isPresent();
        }
    }

    private boolean shownCell(String text) {
        return shownCellWhere(text::equals);
    }

    private boolean shownCellWhere(java.util.function.Predicate<String> text) {
        return ShellSteps.onFx(() -> robot.lookup("#pipeline-runs .table-cell")
                .match((TableCell<?, ?> c) -> c.getText() != null && text.test(c.getText()) && c.isVisible())
                .tryQuery()
                .isPresent());
    }
}
