package io.siftbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.example.ExampleRun;
import io.siftbench.model.project.Project;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.testing.AnsweredFileDialogs;
import io.siftbench.views.testing.Overlap;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024×768, smaller than the window opens, every screen of the example project with a run of twenty samples may
 * scroll, but no control a user reads or works is drawn over another.
 */
class SmallWindowUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private final ShellSteps steps = new ShellSteps(robot);

    @Test
    void nothingOverlapsAt1024By768() throws Exception {
        Path file = dir.resolve("example.mv.db");
        try (Project project = new H2ProjectOpener().open(file)) {
            ExampleRun.annotate(project, dir, 20);
        }
        OpenedShell opened = SESSION.startWith(dir.resolve("settings.json"), AnsweredFileDialogs.opening(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#status-project")
                .queryAs(Label.class)
                .getText()
                .equals(file.toString()));
        robot.interact(() -> {
            opened.stage().setWidth(1024);
            opened.stage().setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.stage().getScene().getWidth()).isEqualTo(1024);

        robot.clickOn("#nav-datasets");
        TableView<?> records = robot.lookup("#datasets-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !records.getItems().isEmpty());
        assertNoOverlap(Screen.DATASETS);

        robot.clickOn("#nav-prompt-studio");
        for (String prompt : new String[] {"questions", "intent"}) {
            steps.openPrompt(prompt, 3);
            assertNoOverlap(Screen.PROMPT_STUDIO);
        }

        robot.clickOn("#nav-runs");
        TableView<?> runs = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        robot.interact(() -> runs.getSelectionModel().select(0));
        assertNoOverlap(Screen.RUNS);

        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#card-position")
                .queryAs(Label.class)
                .getText()
                .equals("Sample 1 of 20"));
        assertNoOverlap(Screen.REVIEW);

        robot.clickOn("#nav-insights");
        ComboBox<?> insightsRun = robot.lookup("#insights-run").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> insightsRun.getValue() != null);
        steps.measure("#insights-chart-lengths");
        assertNoOverlap(Screen.INSIGHTS);

        for (Screen screen : new Screen[] {Screen.PIPELINES, Screen.COMPARE, Screen.SETTINGS}) {
            robot.clickOn("#nav-" + ShellSteps.id(screen));
            assertNoOverlap(screen);
        }
    }

    private void assertNoOverlap(Screen screen) throws Exception {
        Parent frame = steps.settled(screen);
        assertThat(WaitForAsyncUtils.asyncFx(() -> Overlap.overlapping(frame)).get())
                .as(screen.title() + " at 1024×768")
                .isEmpty();
    }
}
