package io.siftbench.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.insights.InsightsView;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two runs side by side whose samples stand differently after review: each status has its one colour on both
 * maps and in both legends, and a sample without a decision is "undecided", as Review says.
 */
class StatusColoursUiTest {

    private static final Color REJECTED = Color.web("#d64545");

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private LoopbackRuns runs;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.close();
        if (runs != null) {
            runs.close();
        }
    }

    @Test
    void rejectedSamplesHaveOneColourOnBothMapsWhateverTheOtherStatusesAndUndecidedIsNamedSo() throws Exception {
        runs = new LoopbackRuns(dir.resolve("colours"));
        RunInfo mixed = runs.stories(StoryPrompt.twoMoods(), 8);
        RunConfig like = mixed.config();
        RunInfo noneAccepted = runs.start(new RunConfig(
                like.promptVersionId(),
                like.mode(),
                like.backend(),
                like.parameters(),
                null,
                11,
                2,
                4,
                1,
                like.details()));
        // The map's series come in the order of the samples: accepted, edited, rejected, undecided on the one;
        // rejected first on the other, which a chart colouring by series order would draw in accepted's colour.
        List<Sample> first = runs.project.samples().list(mixed.id(), 0, 100);
        runs.project.decisions().decide(Decision.of(first.get(0).id(), DecisionStatus.ACCEPTED, null));
        runs.project.decisions().decide(Decision.edit(first.get(1).id(), "a story of my own", null, null));
        runs.project.decisions().decide(Decision.of(first.get(2).id(), DecisionStatus.REJECTED, null));
        List<Sample> second = runs.project.samples().list(noneAccepted.id(), 0, 100);
        runs.project.decisions().decide(Decision.of(second.get(0).id(), DecisionStatus.REJECTED, null));
        FxToolkit.setupStage(stage -> {
            InsightsViewModel viewModel = new InsightsViewModel(
                    new SimpleObjectProperty<>(runs.insights()),
                    tasks,
                    () -> new SampleEmbedder(EmbeddingModels.miniLm()),
                    Bindings.createObjectBinding(() -> {
                        throw new AssertionError("no run is started here");
                    }));
            stage.setScene(new Scene(
                    (Parent) new InsightsView(viewModel, (owner, name) -> Optional.empty()).node(), 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#insights-measure")
                .queryButton()
                .isDisabled());
        ComboBox<RunInfo> run = robot.lookup("#insights-run").queryComboBox();
        ComboBox<RunInfo> compare = robot.lookup("#insights-compare").queryComboBox();
        robot.interact(() -> {
            run.setValue(run.getItems().stream()
                    .filter(r -> r.id() == mixed.id())
                    .findFirst()
                    .orElseThrow());
            compare.setValue(compare.getItems().stream()
                    .filter(r -> r != null && r.id() == noneAccepted.id())
                    .findFirst()
                    .orElseThrow());
        });

        robot.clickOn("#insights-measure");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#insights-chart-map")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        List<ScatterChart<?, ?>> maps = new ArrayList<>();
        robot.lookup("#insights-chart-map .chart")
                .queryAllAs(ScatterChart.class)
                .forEach(maps::add);
        assertThat(maps).hasSize(2);
        assertThat(maps.get(0).getData())
                .extracting(XYChart.Series::getName)
                .containsExactly("accepted", "edited", "rejected", "undecided");
        assertThat(maps.get(1).getData()).extracting(XYChart.Series::getName).containsExactly("rejected", "undecided");
        for (ScatterChart<?, ?> map : maps) {
            XYChart.Series<?, ?> rejected = map.getData().stream()
                    .filter(s -> s.getName().equals("rejected"))
                    .findFirst()
                    .orElseThrow();
            assertThat(rejected.getData())
                    .extracting(d -> fill(d.getNode()))
                    .as("the rejected points")
                    .containsOnly(REJECTED);
            assertThat(fill(legend(map, "rejected")))
                    .as("the legend's rejected")
                    .isEqualTo(REJECTED);
            assertThat(fill(legend(map, "undecided"))).isNotEqualTo(REJECTED);
        }
        assertThat(fill(legend(maps.get(0), "accepted"))).isNotEqualTo(fill(legend(maps.get(0), "edited")));
    }

    /** The legend's symbol for {@code name} in {@code chart}. */
    private static Node legend(ScatterChart<?, ?> chart, String name) {
        return chart.lookupAll(".chart-legend-item").stream()
                .map(Label.class::cast)
                .filter(item -> item.getText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no legend for " + name))
                .getGraphic();
    }

    private static Paint fill(Node node) {
        return ((Region) node).getBackground().getFills().get(0).getFill();
    }
}
