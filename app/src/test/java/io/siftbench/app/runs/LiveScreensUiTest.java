package io.siftbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.Shell;
import io.siftbench.app.ShellSession;
import io.siftbench.app.ShellSteps;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunLabel;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen follows the project's changes with no reopen: a run made while the window is open (here by a writer
 * that is not the Runs screen, as a judge or a fill-the-gaps run is) is listed by Insights, Review and the Runs
 * table within a second, with its current count of samples,
 */
class LiveScreensUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();
    private final ShellSteps steps = new ShellSteps(robot);

    @Test
    void runsWrittenWhileTheWindowIsOpenAreListedEverywhereWithTheirCounts() throws Exception {
        Path file = dir.resolve("live.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        try (Project project = new H2ProjectOpener().open(file)) {
            RunFixture.run(project, version, PromptMode.ANNOTATE, 5);
        }
        Shell shell = SESSION.start(dir.resolve("settings.json"), file);
        ComboBox<RunInfo> insightsRun = steps.runChooser("#nav-insights", "#insights-run");
        ComboBox<RunInfo> reviewRun = steps.runChooser("#nav-review", "#review-run");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> reviewRun.getItems().size() == 1);

        // Another writer stores a run of 7 samples while Review shows: no screen is reopened or clicked.
        Project open = shell.viewModel().projectProperty().get();
        List<Sample> samples = WaitForAsyncUtils.async(() -> RunFixture.run(open, version, PromptMode.ANNOTATE, 7))
                .get(10, TimeUnit.SECONDS);
        long second = samples.get(0).runId();

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> reviewRun.getItems().stream()
                .anyMatch(r -> r.id() == second && r.samples() == 7));
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> insightsRun.getItems().stream()
                .anyMatch(r -> r.id() == second && r.samples() == 7));
        assertThat(reviewRun.getItems())
                .extracting(RunLabel::withSamples)
                .contains(RunLabel.withSamples(open.runs().find(second).orElseThrow()));

        robot.clickOn("#nav-runs");
        @SuppressWarnings("unchecked")
        TableView<RunInfo> table = robot.lookup("#runs-table").queryAs(TableView.class);
        assertThat(table.getItems())
                .filteredOn(r -> r.id() == second)
                .extracting(RunInfo::samples)
                .containsExactly(7L);

        // A version saved elsewhere while Compare offers the variants of a run is offered too.
        robot.clickOn("#nav-compare");
        robot.interact(() -> shell.compare().open(second));
        @SuppressWarnings("unchecked")
        ComboBox<io.siftbench.model.prompts.StoredVersion> versions =
                robot.lookup("#compare-variant-version").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> shell.compare().baseProperty().get() != null);
        WaitForAsyncUtils.async(
                        () -> open.prompts().save(open.prompts().load(version).withNote("second")))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> versions.getItems().stream()
                .anyMatch(v -> v.name().equals("intents") && v.version() == 2));
    }
}
