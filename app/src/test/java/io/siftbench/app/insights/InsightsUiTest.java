package io.siftbench.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.controls.EmptyState;
import io.siftbench.views.insights.InsightsSources;
import io.siftbench.views.insights.InsightsView;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.task.FxTaskExecutor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.ScatterChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Insights screen alone on a small real run: measure in the background, see the charts, save one as PNG. */
class InsightsUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private Project project;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        if (project != null) {
            project.close();
        }
    }

    @Test
    void measuresARunShowsItsChartsAndSavesTheDistinctNChartAsPng() throws Exception {
        Path file = dir.resolve("ui.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        project = new H2ProjectOpener().open(file);
        RunFixture.run(project, version, PromptMode.SYNTHESIZE, 12);
        Path png = dir.resolve("distinct.png");
        FxToolkit.setupStage(stage -> {
            InsightsViewModel viewModel = new InsightsViewModel(
                    new SimpleObjectProperty<>(new InsightsSources(project.runSources(), project.metricSnapshots())),
                    tasks,
                    () -> new SampleEmbedder(EmbeddingModels.miniLm()),
                    Bindings.createObjectBinding(() -> {
                        throw new AssertionError("no run is started here");
                    }));
            InsightsView view = new InsightsView(viewModel, (owner, name) -> Optional.of(png));
            stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1100, 750));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#insights-measure")
                .queryButton()
                .isDisabled());

        robot.clickOn("#insights-measure");
        // The map is the last chart of a synthesize run without gold labels; once it shows, all of them do.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#insights-chart-map")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#insights-problem").queryAs(Label.class).getText())
                .isEmpty();
        assertThat(robot.lookup("#insights-chart-lengths").tryQuery()).isPresent();
        ScatterChart<?, ?> map = robot.lookup("#insights-chart-map .chart").queryAs(ScatterChart.class);
        assertThat(map.getData()).extracting(s -> s.getName()).containsExactly("undecided");
        assertThat(robot.lookup(".metric-name").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("samples", "distinct-1", "self-BLEU");
        // The fixture's stories have one condition, tone: no pair for a heatmap, so a bar per value instead.
        assertThat(robot.lookup("#insights-chart-coverage").tryQuery()).isEmpty();
        BarChart<?, ?> tones = robot.lookup("#insights-chart-values .chart").queryAs(BarChart.class);
        assertThat(tones.getData()).extracting(s -> s.getName()).containsExactly("samples", "accepted");
        assertThat(tones.getData().get(0).getData())
                .extracting(d -> d.getXValue() + "=" + d.getYValue())
                .containsExactly("angry=6", "polite=6");
        assertThat(robot.lookup("#insights-fill-tone").tryQuery())
                .as("fill the gaps under the bars")
                .isPresent();
        // The fixture's prompt declares no conditions: the run and its prompt version are the slices on offer.
        ChoiceBox<MetricSlice> slices = robot.lookup("#insights-slice").query();
        assertThat(slices.getItems()).containsExactly(MetricSlice.RUN, MetricSlice.PROMPT_VERSION);
        assertThat(slices.getConverter().toString(slices.getValue())).isEqualTo("this run");
        assertThat(robot.lookup("#insights-title").queryAs(Label.class).getText())
                .endsWith("stories v1 · all samples");

        // distinct-n as its figures, as the cards write them, over a few short bars rather than a chart's width.
        assertThat(robot.lookup("#distinct-n-values").queryAs(Label.class).getText())
                .isEqualTo(card("distinct-1") + " / " + card("distinct-2") + " / " + card("distinct-3"));
        assertThat(robot.lookup("#insights-chart-distinct-n .chart").tryQuery()).isEmpty();
        assertThat(robot.lookup("#insights-chart-distinct-n")
                        .query()
                        .getLayoutBounds()
                        .getHeight())
                .isLessThan(150);

        robot.clickOn("#insights-save-distinct-n");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "saved distinct.png"
                .equals(robot.lookup("#insights-step").queryAs(Label.class).getText()));
        BufferedImage image = ImageIO.read(png.toFile());
        javafx.geometry.Bounds chart =
                robot.lookup("#insights-chart-distinct-n").query().getLayoutBounds();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo((int) chart.getWidth());
        assertThat(image.getHeight())
                .as("the chart with its title above it")
                .isGreaterThan((int) chart.getHeight() + 15);
        assertThat(darkPixels(image, 12, 24, 300))
                .as("the title's text along the top, where the chart has none")
                .isGreaterThan(20);
        assertThat(distinctColours(image))
                .as("a drawn chart, not a blank image")
                .isGreaterThan(3);
    }

    @Test
    void aConditionValueChosenInTheChooserIsMeasuredAndNamedInTheTitle() throws Exception {
        try (LoopbackRuns runs = new LoopbackRuns(dir.resolve("slices"))) {
            RunInfo stories = runs.stories(StoryPrompt.twoMoods(), 8);
            FxToolkit.setupStage(stage -> {
                InsightsViewModel viewModel = new InsightsViewModel(
                        new SimpleObjectProperty<>(runs.insights()), tasks, null, Bindings.createObjectBinding(() -> {
                            throw new AssertionError("no run is started here");
                        }));
                stage.setScene(new Scene(
                        (javafx.scene.Parent) new InsightsView(viewModel, (owner, name) -> Optional.empty()).node(),
                        1300,
                        750));
                stage.show();
            });
            ChoiceBox<MetricSlice> slices = robot.lookup("#insights-slice").query();
            // this run, the prompt version, two topics and two moods
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> slices.getItems().size() == 6);

            robot.clickOn("#insights-slice");
            robot.clickOn("only mood = sad");
            robot.clickOn("#insights-measure");

            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#insights-title")
                    .tryQuery()
                    .map(title -> ((Label) title).getText().contains("condition mood=sad"))
                    .orElse(false));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#insights-title").queryAs(Label.class).getText())
                    .isEqualTo("#" + stories.id() + " story v1 · condition mood=sad · all samples");
            assertThat(robot.lookup(".metric-card").queryAllAs(VBox.class))
                    .filteredOn(card ->
                            ((Label) card.getChildren().get(0)).getText().equals("samples"))
                    .singleElement()
                    .satisfies(card -> assertThat(((Label) card.getChildren().get(1)).getText())
                            .isEqualTo("4"));
            // Within one mood the other looks empty only because it is left out: no gaps to fill here.
            assertThat(robot.lookup("#insights-chart-coverage").tryQuery()).isPresent();
            assertThat(robot.lookup("#insights-fill-topic-mood").tryQuery()).isEmpty();
        }
    }

    @Test
    void withoutRunsTheChoosersAndTheEmptyStateSayWhatToDo() throws Exception {
        project = new H2ProjectOpener().open(dir.resolve("empty.mv.db"));
        FxToolkit.setupStage(stage -> {
            InsightsViewModel viewModel = new InsightsViewModel(
                    new SimpleObjectProperty<>(new InsightsSources(project.runSources(), project.metricSnapshots())),
                    tasks,
                    null,
                    Bindings.createObjectBinding(() -> {
                        throw new AssertionError("no run is started here");
                    }));
            stage.setScene(new Scene(
                    (javafx.scene.Parent) new InsightsView(viewModel, (owner, name) -> Optional.empty()).node(),
                    1100,
                    750));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#insights-empty").queryAs(EmptyState.class).getMessage())
                .startsWith("Start a run on the Runs screen");
        ComboBox<?> run = robot.lookup("#insights-run").queryComboBox();
        assertThat(run.isDisabled()).isTrue();
        assertThat(run.getPromptText()).isEqualTo("no runs yet");
        assertThat(robot.lookup("#insights-compare")
                        .queryComboBox()
                        .getButtonCell()
                        .getText())
                .isEqualTo("no runs yet");
    }

    /** What the metric card {@code name} shows. */
    private String card(String name) {
        return robot.lookup(".metric-card").queryAllAs(VBox.class).stream()
                .filter(card -> ((Label) card.getChildren().get(0)).getText().equals(name))
                .map(card -> ((Label) card.getChildren().get(1)).getText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no card " + name));
    }

    /** The near-black pixels in rows {@code from} to {@code to} and the first {@code width} columns but the axis's. */
    private static long darkPixels(BufferedImage image, int from, int to, int width) {
        long dark = 0;
        for (int y = from; y < to; y++) {
            for (int x = 60; x < width; x++) {
                java.awt.Color pixel = new java.awt.Color(image.getRGB(x, y));
                if (pixel.getRed() + pixel.getGreen() + pixel.getBlue() < 240) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
