package io.siftbench.app.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.insights.CoverageGrid;
import io.siftbench.model.insights.GapFilling;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.InsightsSettings;
import io.siftbench.model.insights.RunMetrics;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.insights.ValueCoverage;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.RunDetails;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Fill the gaps" end to end: a story run over topic × mood against a loopback OpenAI-compatible server, some
 * samples accepted, the coverage grid's thin cells, and a second run that generates in exactly those cells.
 */
class FillTheGapsTest {

    @TempDir
    Path dir;

    private LoopbackRuns runs;

    @BeforeEach
    void open() throws Exception {
        runs = new LoopbackRuns(dir.resolve("gaps"));
    }

    @AfterEach
    void close() {
        runs.close();
    }

    /** The researcher accepts the samples of {@code run} that {@code which} picks. */
    private void accept(RunInfo run, Predicate<Sample> which) {
        runs.project
                .decisions()
                .decide(runs.project.samples().list(run.id(), 0, 100).stream()
                        .filter(which)
                        .map(s -> Decision.of(s.id(), DecisionStatus.ACCEPTED, null))
                        .toList());
    }

    /** The Insights screen's view model over the project, filling gaps through the real run machinery. */
    private InsightsViewModel insights() {
        return new InsightsViewModel(
                new SimpleObjectProperty<>(runs.insights()),
                new CurrentThreadTaskExecutor(),
                null,
                new SimpleObjectProperty<>(runs.launcher()));
    }

    @Test
    void aSecondRunGeneratesOnlyInTheThinCellsEvenly() throws Exception {
        RunInfo first = runs.stories(StoryPrompt.twoMoods(), 4);
        // The researcher keeps the dragon stories only: the two trains cells are the gaps.
        accept(first, s -> s.conditions().get("topic").equals("dragons"));
        CoverageGrid grid = new RunMetrics(
                        runs.project.runSources(), runs.project.metricSnapshots(), null, InsightsSettings.defaults())
                .measure(first.id(), StatusSelection.ALL, InsightsProgress.NONE)
                .metrics()
                .coverage()
                .get(0);

        RunInfo filling = runs.start(GapFilling.config(first, grid, 1, 3));

        List<Sample> samples = runs.project.samples().list(filling.id(), 0, 100);
        Map<String, Long> perCell = samples.stream()
                .collect(Collectors.groupingBy(
                        s -> s.conditions().get("topic") + "/" + s.conditions().get("mood"), Collectors.counting()));
        assertThat(perCell).containsOnlyKeys("trains/sad", "trains/happy").allSatisfy((cell, n) -> assertThat(n)
                .isEqualTo(3));
        assertThat(samples).allSatisfy(s -> assertThat(s.text())
                .isEqualTo("A story about trains in a " + s.conditions().get("mood") + " mood."));
        assertThat(RunDetails.fromJson(filling.config().details()).cells()).hasSize(2);
        // Resuming plans the same slots: nothing is missing, nothing is sent again.
        int requests = runs.server.chatRequests();
        assertThat(runs.launcher().execute(filling.id(), (s, p) -> {}, () -> false))
                .isEqualTo(RunStatus.COMPLETED);
        assertThat(runs.server.chatRequests()).isEqualTo(requests);

        assertThatThrownBy(() -> GapFilling.config(first, grid, 0, 3)).hasMessageContaining("there is no gap to fill");
    }

    @Test
    void theInsightsScreenFillsTheGapsOfAGridAndListsTheNewRun() throws Exception {
        RunInfo first = runs.stories(StoryPrompt.twoMoodsAndOneOff(), 4);
        accept(first, s -> true);
        InsightsViewModel viewModel = insights();
        viewModel.measure(List.of(first));
        InsightsViewModel.MeasuredRun measured = viewModel.measured().get(0);

        // Every switched-on cell has an accepted sample; the switched-off mood's two cells are empty.
        viewModel.fillTheGaps(measured, measured.report().metrics().coverage().get(0), 1, 2);

        assertThat(viewModel.problemProperty().get()).isNull();
        assertThat(viewModel.runs()).hasSize(2);
        RunInfo filled = viewModel.runs().get(0);
        assertThat(viewModel.stepProperty().get())
                .isEqualTo("run #" + filled.id() + " filled the gaps of topic × mood");
        assertThat(runs.project.samples().list(filled.id(), 0, 100))
                .hasSize(4)
                .allSatisfy(s -> assertThat(s.conditions()).containsEntry("mood", "odd"));
    }

    @Test
    void aPairHeatmapIsShownOnlyWhenOneOfItsCellsHasSamples() throws Exception {
        RunInfo moodsOnly = runs.stories(StoryPrompt.moodsOnly(), 4);
        RunInfo topicsAndMoods = runs.stories(StoryPrompt.twoMoods(), 4);
        InsightsViewModel viewModel = insights();

        viewModel.measure(List.of(moodsOnly, topicsAndMoods));

        // The topic is switched off: its pair with the mood holds no sample, so only the bars show the moods.
        var offTopic = viewModel.measured().get(0).report().metrics();
        assertThat(offTopic.coverage())
                .extracting(g -> g.conditionA() + "-" + g.conditionB())
                .containsExactly("topic-mood");
        assertThat(offTopic.filledCoverage()).isEmpty();
        assertThat(offTopic.coverageByValue()).isTrue();
        var both = viewModel.measured().get(1).report().metrics();
        assertThat(both.filledCoverage())
                .extracting(g -> g.conditionA() + "-" + g.conditionB())
                .containsExactly("topic-mood");
        assertThat(both.coverageByValue()).isFalse();
    }

    @Test
    void theBarsOfASingleConditionFillTheirThinValues() throws Exception {
        RunInfo first = runs.stories(StoryPrompt.moodsOnly(), 4);
        // The moods sad and happy take turns; the researcher keeps the sad stories only.
        accept(first, s -> s.conditions().get("mood").equals("sad"));
        InsightsViewModel viewModel = insights();
        viewModel.measure(List.of(first));
        InsightsViewModel.MeasuredRun measured = viewModel.measured().get(0);
        ValueCoverage moods = measured.report().metrics().valueCoverage().stream()
                .filter(c -> c.condition().equals("mood"))
                .findFirst()
                .orElseThrow();
        assertThat(moods.values())
                .extracting(v -> v.value() + "=" + v.samples() + "/" + v.accepted())
                .containsExactly("sad=2/2", "happy=2/0", "odd=0/0");

        // Fewer than one accepted: happy (thin) and odd (switched off, empty), two stories each.
        viewModel.fillTheGaps(measured, moods, 1, 2);

        assertThat(viewModel.problemProperty().get()).isNull();
        RunInfo filled = viewModel.runs().get(0);
        assertThat(viewModel.stepProperty().get()).isEqualTo("run #" + filled.id() + " filled the gaps of mood");
        assertThat(RunDetails.fromJson(filled.config().details()).cells())
                .containsExactly(Map.of("mood", "happy"), Map.of("mood", "odd"));
        assertThat(runs.project.samples().list(filled.id(), 0, 100))
                .extracting(s -> s.conditions().get("mood"))
                .containsExactlyInAnyOrder("happy", "happy", "odd", "odd");
    }
}
