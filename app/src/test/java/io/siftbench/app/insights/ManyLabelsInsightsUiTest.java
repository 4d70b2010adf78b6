package io.siftbench.app.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.views.insights.InsightsView;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.task.FxTaskExecutor;
import io.siftbench.views.testing.Truncation;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Insights on an annotate run over 45 labels of banking77's length, with gold: the page keeps to the window, and
 * the pairs the model confuses most are listed first, every label whole.
 */
class ManyLabelsInsightsUiTest {

    private static final String WRONG_RATE = "card_payment_wrong_exchange_rate";
    private static final String CHARGED = "exchange_rate_charged_on_card_payment_abroad";

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
    void theMostConfusedPairComesFirstWithItsLabelsWholeAndTheMatrixScrollsWithinTheWindow() throws Exception {
        runs = new LoopbackRuns(dir.resolve("labels"));
        Path png = dir.resolve("confusion.png");
        List<String> labels = new ArrayList<>(List.of(WRONG_RATE, CHARGED));
        IntStream.range(0, 43).forEach(i -> labels.add("balance_not_updated_after_transfer_number_" + i));
        StringBuilder csv = new StringBuilder("text,category\n");
        // Two questions of every label, three more of the wrong rate: 4 of its 5 are taken for CHARGED (80%);
        // both of the third label's are taken for the fourth (100%), one of CHARGED's for the fifth (50%).
        labels.forEach(l -> csv.append("q1 ")
                .append(l)
                .append(',')
                .append(l)
                .append("\nq2 ")
                .append(l)
                .append(',')
                .append(l)
                .append('\n'));
        IntStream.range(3, 6).forEach(i -> csv.append("q")
                .append(i)
                .append(" ")
                .append(WRONG_RATE)
                .append(',')
                .append(WRONG_RATE)
                .append('\n'));
        runs.annotated(csv.toString(), labels, question -> {
            String gold = question.substring(question.indexOf(' ') + 1);
            if (gold.equals(WRONG_RATE)) {
                return question.startsWith("q1 ") ? WRONG_RATE : CHARGED;
            }
            if (gold.equals(labels.get(2))) {
                return labels.get(3);
            }
            if (gold.equals(CHARGED) && question.startsWith("q1 ")) {
                return labels.get(4);
            }
            return gold;
        });
        FxToolkit.setupStage(stage -> {
            InsightsViewModel viewModel = new InsightsViewModel(
                    new SimpleObjectProperty<>(runs.insights()), tasks, null, Bindings.createObjectBinding(() -> {
                        throw new AssertionError("no run is started here");
                    }));
            stage.setScene(new Scene(
                    (Parent) new InsightsView(viewModel, (owner, name) -> Optional.of(png)).node(), 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#insights-measure")
                .queryButton()
                .isDisabled());

        robot.clickOn("#insights-measure");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#confused-pairs")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        GridPane pairs = robot.lookup("#confused-pairs").queryAs(GridPane.class);
        assertThat(row(pairs, 1)).containsExactly("1.", WRONG_RATE, "→ " + CHARGED, "4", "80%");
        assertThat(row(pairs, 2)).containsExactly("2.", labels.get(2), "→ " + labels.get(3), "2", "100%");
        assertThat(row(pairs, 3)).containsExactly("3.", CHARGED, "→ " + labels.get(4), "1", "50%");
        Node confusion = robot.lookup("#insights-chart-confusion").query();
        assertThat(Truncation.clipped((Parent) confusion))
                .as("no label of the list or the matrix is cut short")
                .isEmpty();
        ScrollPane page =
                (ScrollPane) robot.lookup("#insights").queryAs(BorderPane.class).getCenter();
        double window = page.getScene().getWidth();
        assertThat(page.getContent().getLayoutBounds().getWidth())
                .as("the page is no wider than its viewport")
                .isLessThanOrEqualTo(page.getViewportBounds().getWidth() + 0.5);
        for (Node chart : robot.lookup(".insights-section").queryAll()) {
            Bounds shown = chart.localToScene(chart.getLayoutBounds());
            assertThat(shown.getMaxX()).as(chart.getId() + " within the window").isLessThanOrEqualTo(window);
        }
        ScrollPane matrix = robot.from(confusion).lookup(".confusion-box").queryAs(ScrollPane.class);
        assertThat(matrix.getContent().getLayoutBounds().getWidth())
                .as("the matrix of 45 labels is wider than its box, which scrolls")
                .isGreaterThan(matrix.getViewportBounds().getWidth());

        // The labels the model gave (all but the third) stand beside their bars, every one shown, the most frequent
        // at the top.
        @SuppressWarnings("unchecked")
        BarChart<Number, String> labelled =
                robot.lookup("#insights-chart-labels").queryAs(BarChart.class);
        CategoryAxis names = (CategoryAxis) labelled.getYAxis();
        assertThat(names.getTickMarks()).hasSize(44).allMatch(Axis.TickMark::isTextVisible);
        // CHARGED was given 5 times, the wrong rate once (the fewest, first by name).
        assertThat(names.getDisplayPosition(CHARGED))
                .as("the most frequent label at the top")
                .isLessThan(names.getDisplayPosition(labels.get(10)));
        assertThat(names.getDisplayPosition(WRONG_RATE))
                .as("the rarest at the bottom")
                .isGreaterThan(names.getDisplayPosition(labels.get(10)));

        // The matrix is the last chart of the run's metrics, above the Utility section: scrolled to it as a user
        // would, its section (title and Save PNG) at the top of the page's viewport.
        robot.interact(() -> {
            double top = confusion.getParent().localToScene(0, 0).getY()
                    - page.getContent().localToScene(0, 0).getY();
            double scrollable = page.getContent().getLayoutBounds().getHeight()
                    - page.getViewportBounds().getHeight();
            page.setVvalue(page.getVmax() * Math.min(1, top / scrollable));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#insights-save-confusion");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "saved confusion.png"
                .equals(robot.lookup("#insights-step").queryAs(Label.class).getText()));
        BufferedImage saved = ImageIO.read(png.toFile());
        assertThat(saved.getWidth())
                .as("the saved picture holds the whole matrix, not the part its box shows")
                .isGreaterThan((int) matrix.getContent().getLayoutBounds().getWidth());
        assertThat(saved.getHeight())
                .isGreaterThan((int) matrix.getContent().getLayoutBounds().getHeight());
    }

    /** The texts of the ranked list's row {@code row}, in column order, the two labels one above the other. */
    private static List<String> row(GridPane list, int row) {
        List<String> texts = new ArrayList<>();
        list.getChildren().stream()
                .filter(n -> GridPane.getRowIndex(n) == row)
                .sorted(java.util.Comparator.comparingInt(GridPane::getColumnIndex))
                .forEach(n -> texts.addAll(
                        n instanceof Parent p && !(n instanceof Label)
                                ? p.getChildrenUnmodifiable().stream()
                                        .map(l -> ((Label) l).getText())
                                        .toList()
                                : List.of(((Label) n).getText())));
        return texts;
    }
}
