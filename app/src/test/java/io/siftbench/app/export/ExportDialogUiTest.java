package io.siftbench.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.OpenedShell;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Export dialog opened from the Review and Runs screens of the real shell, exporting for real. */
class ExportDialogUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private OpenedShell shell;
    private Path file;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void quit() throws Exception {
        if (shell != null) {
            shell.quit();
        }
    }

    @Test
    void reviewScreenExportsTheCuratedRunAndSaysWhatItWrote() throws Exception {
        file = dir.resolve("curate.mv.db");
        long version = RunFixture.promptVersion(file, "p", PromptMode.SYNTHESIZE);
        try (Project project = new H2ProjectOpener().open(file)) {
            List<Sample> samples = RunFixture.run(project, version, PromptMode.SYNTHESIZE, 8);
            project.decisions()
                    .decide(samples.subList(0, 5).stream()
                            .map(s -> Decision.of(s.id(), DecisionStatus.ACCEPTED, null))
                            .toList());
        }
        start();
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#card-position")
                .tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Sample"))
                .orElse(false));

        robot.clickOn("#review-export");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-run")
                .tryQuery()
                .isPresent());
        Path out = Path.of(robot.lookup("#export-out").queryAs(TextField.class).getText());
        robot.clickOn("#export-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#export-outcome")
                .queryAs(Label.class)
                .getText()
                .startsWith("Wrote"));

        assertThat(robot.lookup("#export-outcome").queryAs(Label.class).getText())
                .isEqualTo("Wrote 5 record(s) to 1 file(s), with the dataset card README.md. Left out of 8"
                        + " sample(s): 3 by their decision, 0 by the filter, 0 failed, 0 used as demonstrations,"
                        + " 0 found in the evaluation set.");
        assertThat(Files.readAllLines(out)).hasSize(5);
        assertThat(out.resolveSibling("README.md")).exists();
    }

    @Test
    void runsScreenOpensTheDialogForTheSelectedRun() throws Exception {
        file = dir.resolve("runs.mv.db");
        long version = RunFixture.promptVersion(file, "p", PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            RunFixture.run(project, version, PromptMode.ANNOTATE, 3);
        }
        start();
        robot.clickOn("#nav-runs");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#runs-table")
                .queryAs(TableView.class)
                .getItems()
                .isEmpty());
        FxToolkit.setupFixture(() -> robot.lookup("#runs-table")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));

        robot.clickOn("#run-export");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-out")
                .tryQuery()
                .isPresent());
        assertThat(robot.lookup("#export-out").queryAs(TextField.class).getText())
                .endsWith("run-1.jsonl");
    }

    private void start() throws Exception {
        shell = OpenedShell.start(robot, dir.resolve("settings.json"), file);
    }
}
