package io.siftbench.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.Shell;
import io.siftbench.app.ShellSession;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review keys work whenever the Review screen shows and no text is being typed: right after choosing a run in
 * the chooser with the mouse, and after using another of the screen's choosers, with no click on the card first.
 */
class ReviewKeysUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void keysDecideAfterARunIsChosenWithTheMouseAndAfterAnotherChooser() throws Exception {
        Path file = dir.resolve("keys.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        List<Sample> older;
        try (Project project = new H2ProjectOpener().open(file)) {
            older = RunFixture.run(project, version, PromptMode.ANNOTATE, 4);
            RunFixture.run(project, version, PromptMode.ANNOTATE, 6);
        }
        Shell shell = SESSION.start(dir.resolve("settings.json"), file);
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> position().equals("Sample 1 of 6"));
        Project open = shell.viewModel().projectProperty().get();
        String olderRun =
                RunLabel.withSamples(open.runs().find(older.get(0).runId()).orElseThrow());

        robot.clickOn("#review-run");
        robot.clickOn(robot.lookup(".list-cell")
                .match((ListCell<?> c) -> olderRun.equals(c.getText()))
                .queryAs(ListCell.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> position().equals("Sample 1 of 4"));
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> position().equals("Sample 2 of 4"));

        // Another chooser of the screen, opened and closed with the mouse: the keys still decide.
        robot.clickOn("#review-order");
        robot.clickOn("#review-order");
        robot.type(KeyCode.X);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> position().equals("Sample 3 of 4"));

        shell.review().flush();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> open.decisions()
                .current(older.get(1).id())
                .isPresent());
        assertThat(open.decisions().current(older.get(0).id()))
                .get()
                .extracting(Decision::status)
                .isEqualTo(DecisionStatus.ACCEPTED);
        assertThat(open.decisions().current(older.get(1).id()))
                .get()
                .extracting(Decision::status)
                .isEqualTo(DecisionStatus.REJECTED);
    }

    /**
     * The queue holds its samples without their prompt (a million of them must fit): the card reads the whole
     * sample with its input, so that its rendered prompt is the card's own after a key moves on and after an undo
     * comes back, and the decision and its undo are on disk.
     */
    @Test
    void theCardShowsItsOwnPromptAsKeysAndUndoMoveThroughTheQueue() throws Exception {
        Path file = dir.resolve("prompts.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        List<Sample> samples;
        try (Project project = new H2ProjectOpener().open(file)) {
            samples = RunFixture.run(project, version, PromptMode.SYNTHESIZE, 3);
        }
        Shell shell = SESSION.start(dir.resolve("settings.json"), file);
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> position().equals("Sample 1 of 3"));
        robot.clickOn("#card-prompt");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> prompt().contains("Write a story in a angry tone."));

        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> position().equals("Sample 2 of 3"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> prompt().contains("Write a story in a polite tone."));
        shell.review().flush();
        Project open = shell.viewModel().projectProperty().get();
        assertThat(open.decisions().current(samples.get(0).id()))
                .get()
                .extracting(Decision::status)
                .isEqualTo(DecisionStatus.ACCEPTED);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> position().equals("Sample 1 of 3"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> prompt().contains("Write a story in a angry tone."));
        shell.review().flush();
        assertThat(open.decisions().current(samples.get(0).id())).isEmpty();
    }

    private String prompt() {
        return ((Label) robot.lookup("#card-prompt").queryAs(TitledPane.class).getContent()).getText();
    }

    private String position() {
        return robot.lookup("#card-position").queryAs(Label.class).getText();
    }
}
