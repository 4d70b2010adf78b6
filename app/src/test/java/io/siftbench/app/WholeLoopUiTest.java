package io.siftbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.example.ExampleRun;
import io.siftbench.model.project.Project;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.settings.Theme;
import io.siftbench.model.settings.UserSettings;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.settings.JsonSettingsFile;
import io.siftbench.views.shell.Screen;
import io.siftbench.views.testing.Truncation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The loop as a researcher walks it on the example project, at 1280×800 in both themes: every screen shows the run
 * made without a reopen and no text it shows is cut, and twenty samples are reviewed by keyboard alone.
 */
class WholeLoopUiTest {

    private static final int SAMPLES = 20;
    /** The system property naming the folder the screenshots go to; none are taken without it. */
    private static final String SCREENSHOTS = "siftbench.screenshots";

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyScreenReadsWholeAndTwentySamplesAreReviewedByKeyboard(Theme theme) throws Exception {
        Path file = dir.resolve("example.mv.db");
        long runId;
        try (Project project = new H2ProjectOpener().open(file)) {
            runId = ExampleRun.annotate(project, dir, SAMPLES).run().id();
        }
        Path settings = dir.resolve("settings.json");
        new JsonSettingsFile(settings).save(UserSettings.DEFAULT.withTheme(theme));
        Shell shell = SESSION.start(settings, file);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#status-project")
                .queryAs(Label.class)
                .getText()
                .equals(file.toString()));

        robot.clickOn("#nav-runs");
        TableView<?> runs = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        assertWhole(Screen.RUNS, theme);

        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#card-position").equals("Sample 1 of " + SAMPLES));
        assertWhole(Screen.REVIEW, theme);
        for (int i = 0; i < SAMPLES; i++) {
            robot.type(KeyCode.A);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shell.review().isSaved());
        assertThat(shell.viewModel()
                        .projectProperty()
                        .get()
                        .decisions()
                        .currentOfRun(runId)
                        .values())
                .as("twenty A presses, twenty acceptances")
                .hasSize(SAMPLES)
                .allMatch(d -> d.status() == DecisionStatus.ACCEPTED);

        robot.clickOn("#nav-insights");
        ComboBox<?> insightsRun = robot.lookup("#insights-run").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> insightsRun.getValue() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#insights-measure")
                .queryButton()
                .isDisabled());
        robot.clickOn("#insights-measure");
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> robot.lookup("#insights-chart-lengths").tryQuery().isPresent()
                        && !robot.lookup("#insights-measure").queryButton().isDisabled());
        assertWhole(Screen.INSIGHTS, theme);

        // The studio with a synthesis prompt open: its message beside the toolbar, its condition values, its schema.
        robot.clickOn("#nav-prompt-studio");
        javafx.scene.control.ListView<?> versions =
                robot.lookup("#prompt-versions").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> versions.getItems().size() == 3);
        robot.interact(() -> versions.getSelectionModel()
                .clearAndSelect(versions.getItems().stream()
                        .map(v -> ((io.siftbench.model.prompts.StoredVersion) v).name())
                        .toList()
                        .indexOf("questions")));
        robot.clickOn("#prompt-open");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> text("#prompt-status").equals("Editing questions v1"));
        assertWhole(Screen.PROMPT_STUDIO, theme);

        for (Screen screen : new Screen[] {Screen.DATASETS, Screen.COMPARE, Screen.SETTINGS}) {
            robot.clickOn("#nav-" + id(screen));
            WaitForAsyncUtils.waitForFxEvents();
            assertWhole(screen, theme);
        }
    }

    /**
     * No text the screen shows is cut, once what it reads in the background has arrived. With
     * {@value #SCREENSHOTS} set to a folder, the window is saved there as it shows the screen: the README's pictures.
     */
    private void assertWhole(Screen screen, Theme theme) throws Exception {
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Parent frame = (Parent) robot.lookup("#screen-" + id(screen)).query();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Truncation.clipped(frame)).get())
                .as(screen.title() + " reads whole at 1280×800")
                .isEmpty();
        String folder = System.getProperty(SCREENSHOTS);
        if (folder != null) {
            javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(
                            () -> frame.getScene().snapshot(null))
                    .get();
            Path png = Path.of(folder).resolve(id(screen) + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
            java.nio.file.Files.createDirectories(png.getParent());
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null), "png", png.toFile());
        }
    }

    private static String id(Screen screen) {
        return screen.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private String text(String query) {
        return robot.lookup(query)
                .tryQuery()
                .map(n -> ((Label) n).getText())
                .map(t -> t == null ? "" : t)
                .orElse("");
    }
}
