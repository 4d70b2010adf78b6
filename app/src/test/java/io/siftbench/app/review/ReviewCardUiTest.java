package io.siftbench.app.review;

import static io.siftbench.model.review.DecisionStatus.ACCEPTED;
import static io.siftbench.model.review.DecisionStatus.EDITED;
import static io.siftbench.model.review.DecisionStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.OpenedShell;
import io.siftbench.app.Shell;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Card mode driven by the keyboard only, in the real shell on a real project: accept 3, reject 2, edit 1,
 * undo 2, redo 1, restart; then the history on disk, the statuses and the card shown must all agree.
 */
class ReviewCardUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Shell shell;
    private Stage stage;
    private Path file;
    private List<Sample> samples;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void quitIfShown() throws Exception {
        if (stage != null) {
            quit();
        }
    }

    @Test
    void annotateEditChoosesALabelInTheSearchablePicker() throws Exception {
        Decision edit = curateByKeyboard(PromptMode.ANNOTATE, () -> {
            robot.write("pin_bl");
            robot.type(KeyCode.ENTER);
        });

        assertThat(edit.editedLabel()).isEqualTo("pin_blocked");
    }

    @Test
    void synthesizeEditRewritesTheText() throws Exception {
        Decision edit = curateByKeyboard(PromptMode.SYNTHESIZE, () -> {
            robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
            robot.write("A quiet story, rewritten.");
        });

        assertThat(edit.editedText()).isEqualTo("A quiet story, rewritten.");
    }

    /**
     * The keyboard run of the issue; {@code edit} types the edit once the editor has the focus. Returns the
     * sixth sample's edit, undone but kept in the history, for the callers to check what was typed.
     */
    private Decision curateByKeyboard(PromptMode mode, Runnable edit) throws Exception {
        file = dir.resolve("curate.mv.db");
        long version = RunFixture.promptVersion(file, "p", mode);
        try (Project project = new H2ProjectOpener().open(file)) {
            samples = RunFixture.run(project, version, mode, 10);
        }
        start();
        assertThat(cardPosition()).isEqualTo("Sample 1 of 10");
        assertThat(robot.lookup("#card-model").queryAs(Label.class).getText())
                .as("the parameters read as words")
                .startsWith("tiny\ntemperature 0.7 · seed 7\nConfidence: ");
        robot.clickOn("#card-output");

        robot.type(KeyCode.A, 3);
        robot.type(KeyCode.X, 2);
        assertThat(cardPosition()).isEqualTo("Sample 6 of 10");
        robot.type(KeyCode.E);
        edit.run();
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        assertThat(cardPosition()).isEqualTo("Sample 7 of 10");
        assertThat(WaitForAsyncUtils.asyncFx(() -> shell.review().items().get(5).state())
                        .get())
                .isEqualTo(EDITED.id());

        undo();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cardPosition().equals("Sample 6 of 10"));
        undo();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cardPosition().equals("Sample 5 of 10"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cardPosition().equals("Sample 6 of 10"));

        quit();
        start();
        assertThat(cardPosition()).as("the same queue position after a restart").isEqualTo("Sample 6 of 10");
        assertThat(robot.lookup("#review-progress-text").queryAs(Label.class).getText())
                .isEqualTo("5 / 10 decided · 60% accepted");
        quit();

        try (Project project = new H2ProjectOpener().open(file)) {
            List<DecisionStatus> statuses = samples.stream()
                    .map(s -> project.decisions()
                            .current(s.id())
                            .map(Decision::status)
                            .orElse(null))
                    .toList();
            assertThat(statuses)
                    .containsExactly(ACCEPTED, ACCEPTED, ACCEPTED, REJECTED, REJECTED, null, null, null, null, null);
            for (int i = 0; i < 5; i++) {
                assertThat(project.decisions().history(samples.get(i).id()))
                        .as("history of sample %d", i)
                        .hasSize(1);
            }
            assertThat(project.review().position(samples.get(0).runId()))
                    .contains(samples.get(5).id());
            List<Decision> editHistory =
                    project.decisions().history(samples.get(5).id());
            assertThat(editHistory).extracting(Decision::status).containsExactly(EDITED);
            assertThat(project.decisions().redo())
                    .as("the undone edit can still be redone")
                    .isPresent();
            return editHistory.get(0);
        }
    }

    private void undo() {
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    }

    private String cardPosition() {
        return robot.lookup("#card-position").queryAs(Label.class).getText();
    }

    /** Starts the shell, opens the project and goes to the Review screen, as a researcher would. */
    private void start() throws Exception {
        OpenedShell opened = OpenedShell.start(robot, dir.resolve("settings.json"), file);
        shell = opened.shell();
        stage = opened.stage();
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#card-position")
                .tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Sample"))
                .orElse(false));
    }

    private void quit() throws Exception {
        OpenedShell closing = new OpenedShell(shell, stage);
        stage = null;
        closing.quit();
    }
}
