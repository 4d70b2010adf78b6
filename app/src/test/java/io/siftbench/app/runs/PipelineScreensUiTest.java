package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.siftbench.app.Shell;
import io.siftbench.app.ShellSession;
import io.siftbench.app.ShellSteps;
import io.siftbench.model.pipelines.PipelineRunner;
import io.siftbench.model.pipelines.StoredPipeline;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The question → answer pipeline in the screens, in the real shell on a real project: the Review card of an answer
 * shows the question it answers above it, in a section that folds away, and a question has no such section; the
 * Runs table and the run choosers of Review, Insights and Compare name each step's run by its pipeline and step;
 * and the runs a pipeline makes while the window is open are listed without a reopen, the Runs table keeping a
 * pipeline run's steps together, first step first.
 */
class PipelineScreensUiTest {

    private static final String ANSWER_STEP = "question-answer v1 · step 2 answer";
    private static final String QUESTION_STEP = "question-answer v1 · step 1 question";

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private final ShellSteps steps = new ShellSteps(robot);

    @Test
    void anAnswersCardShowsItsQuestionAndEveryScreenNamesTheSteps() throws Exception {
        Path file = dir.resolve("qa.mv.db");
        RunInfo questions;
        RunInfo answers;
        Map<Long, Sample> asked;
        try (Project project = new H2ProjectOpener().open(file);
                QuestionAnswerPipeline qa = new QuestionAnswerPipeline()) {
            PipelineRunner.Outcome ran = qa.run(project, QuestionAnswerPipeline.save(project), 3);
            assertThat(ran.status()).isEqualTo(RunStatus.COMPLETED);
            questions = ran.stepRuns().get(0);
            answers = ran.stepRuns().get(1);
            asked = project.samples().list(questions.id(), 0, 10).stream()
                    .collect(Collectors.toMap(Sample::id, Function.identity()));
        }
        SESSION.start(dir.resolve("settings.json"), file);

        robot.clickOn("#nav-runs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownCell(ANSWER_STEP) && shownCell(QUESTION_STEP));
        javafx.scene.Node runs = robot.lookup("#runs-table").query();
        assertThat(WaitForAsyncUtils.asyncFx(
                                () -> io.siftbench.views.testing.Truncation.clipped((javafx.scene.Parent) runs))
                        .get())
                .as("with its Pipeline column, the runs table still shows every column at 1280×800")
                .isEmpty();

        ComboBox<RunInfo> reviewRun = steps.runChooser("#nav-review", "#review-run");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> reviewRun.getItems().size() == 2);
        assertThat(names(reviewRun))
                .containsExactly(
                        "#" + answers.id() + " answerer v1 · " + ANSWER_STEP + " · synthesize · 3 samples",
                        "#" + questions.id() + " question-writer v1 · " + QUESTION_STEP + " · synthesize · 3 samples");
        steps.choose("#review-run", "#" + answers.id() + " answerer v1 · " + ANSWER_STEP);
        TitledPane chain = robot.lookup("#card-chain").queryAs(TitledPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, chain::isVisible);
        assertThat(chain.getText()).isEqualTo("Chain: question → answer");
        List<String> chainTexts = robot.from(chain.getContent()).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
        assertThat(chainTexts).hasSize(2).startsWith("question");
        String output = robot.lookup("#card-output").queryAs(Label.class).getText();
        assertThat(asked.values())
                .extracting(Sample::text)
                .as("the chain shows the question the answer on the card answers")
                .contains(chainTexts.get(1));
        assertThat(output).isEqualTo("A to " + chainTexts.get(1));
        assertThat(robot.lookup("#card-position")
                        .queryAs(Label.class)
                        .getBoundsInParent()
                        .getMaxY())
                .as("the chain is above the answer")
                .isLessThan(chain.getBoundsInParent().getMaxY());
        assertThat(chain.getBoundsInParent().getMaxY())
                .isLessThanOrEqualTo(
                        robot.lookup("#card-output").query().getBoundsInParent().getMinY());

        robot.clickOn(chain.lookup(".title"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !chain.isExpanded());
        assertThat(chain.isVisible())
                .as("folded, its title still names the chain")
                .isTrue();

        steps.choose("#review-run", "#" + questions.id() + " question-writer v1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#card-output")
                .queryAs(Label.class)
                .getText()
                .startsWith("Q"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chain.isVisible())
                .as("a question continues nothing: no chain")
                .isFalse();

        ComboBox<RunInfo> insightsRun = steps.runChooser("#nav-insights", "#insights-run");
        assertThat(names(insightsRun)).allMatch(n -> n.contains(" · question-answer v1 · step "));
        robot.clickOn("#nav-compare");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<RunInfo> base = robot.lookup("#compare-base").queryAs(ComboBox.class);
        assertThat(names(base)).anyMatch(n -> n.startsWith("#" + answers.id() + " answerer v1 · " + ANSWER_STEP));
    }

    @Test
    void theRunsOfAPipelineRunWhileTheWindowIsOpenAreListedWithTheirSteps() throws Exception {
        Path file = dir.resolve("live.mv.db");
        StoredPipeline pipeline;
        try (Project project = new H2ProjectOpener().open(file)) {
            pipeline = QuestionAnswerPipeline.save(project);
        }
        Shell shell = SESSION.start(dir.resolve("settings.json"), file);
        ComboBox<RunInfo> insightsRun = steps.runChooser("#nav-insights", "#insights-run");
        ComboBox<RunInfo> reviewRun = steps.runChooser("#nav-review", "#review-run");
        assertThat(reviewRun.getItems()).isEmpty();

        // The pipeline runs on the open project while Review shows: no screen is reopened or clicked.
        Project open = shell.viewModel().projectProperty().get();
        try (QuestionAnswerPipeline qa = new QuestionAnswerPipeline()) {
            PipelineRunner.Outcome ran =
                    WaitForAsyncUtils.async(() -> qa.run(open, pipeline, 4)).get(30, TimeUnit.SECONDS);
            assertThat(ran.status()).isEqualTo(RunStatus.COMPLETED);
        }

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> names(reviewRun)
                .equals(List.of(
                        "#2 answerer v1 · " + ANSWER_STEP + " · synthesize · 4 samples",
                        "#1 question-writer v1 · " + QUESTION_STEP + " · synthesize · 4 samples")));
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> names(insightsRun).size() == 2);
        robot.clickOn("#nav-runs");
        @SuppressWarnings("unchecked")
        TableView<RunInfo> table = robot.lookup("#runs-table").queryAs(TableView.class);
        assertThat(table.getItems())
                .as("the pipeline run's first step, then its later step")
                .extracting(RunInfo::id, RunInfo::samples)
                .containsExactly(tuple(1L, 4L), tuple(2L, 4L));
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> shownCell(ANSWER_STEP) && shownCell(QUESTION_STEP));
    }

    /** Whether a cell of the Runs table shows {@code text}. */
    private boolean shownCell(String text) {
        return robot.lookup("#runs-table .table-cell")
                .match((TableCell<?, ?> c) -> text.equals(c.getText()) && c.isVisible())
                .tryQuery()
                .isPresent();
    }

    /** The names a run chooser gives its runs, as it shows them. */
    private static List<String> names(ComboBox<RunInfo> chooser) {
        return chooser.getItems().stream()
                .map(r -> chooser.getConverter().toString(r))
                .toList();
    }
}
