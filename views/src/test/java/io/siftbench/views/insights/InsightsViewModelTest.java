package io.siftbench.views.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.siftbench.model.insights.Histogram;
import io.siftbench.model.insights.MapPoint;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import io.siftbench.views.testing.HeldTasks;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Insights view model on a real project with the real MiniLM, its work run on the calling thread. */
class InsightsViewModelTest {

    /** The bundled MiniLM, as the app embeds with it; loaded once, as loading it takes a while. */
    private static final EmbeddingModel MINI_LM = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @TempDir
    Path dir;

    private final SimpleObjectProperty<Project> project = new SimpleObjectProperty<>();
    private InsightsViewModel viewModel;
    private List<Sample> first;

    @BeforeEach
    void twoRuns() throws Exception {
        Path file = dir.resolve("insights.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        project.set(new H2ProjectOpener().open(file));
        first = RunFixture.run(project.get(), version, PromptMode.SYNTHESIZE, 10);
        RunFixture.run(project.get(), version, PromptMode.SYNTHESIZE, 6);
        viewModel = new InsightsViewModel(
                project.map(p -> new InsightsSources(p.runSources(), p.metricSnapshots())),
                new CurrentThreadTaskExecutor(),
                () -> new SampleEmbedder(MINI_LM),
                Bindings.createObjectBinding(() -> {
                    throw new AssertionError("no run is started here");
                }));
    }

    @AfterEach
    void close() {
        project.get().close();
    }

    private List<RunInfo> bothRuns() {
        // Runs are listed newest first; the first run made is measured first.
        return List.of(viewModel.runs().get(1), viewModel.runs().get(0));
    }

    @Test
    void twoRunsSideBySideShareTheLengthBinsAndCopyAsOneTable() {
        viewModel.measure(bothRuns());

        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.problemProperty().get()).isNull();
        List<MeasuredRun> measured = viewModel.measured();
        assertThat(measured).extracting(m -> m.report().metrics().samples()).containsExactly(10, 6);
        Histogram firstWords =
                measured.get(0).report().metrics().lengths().words().histogram();
        Histogram secondWords =
                measured.get(1).report().metrics().lengths().words().histogram();
        assertThat(firstWords.start()).isEqualTo(secondWords.start());
        assertThat(firstWords.width()).isEqualTo(secondWords.width());
        assertThat(Arrays.stream(firstWords.counts()).sum()).isEqualTo(10);
        assertThat(Arrays.stream(secondWords.counts()).sum()).isEqualTo(6);
        assertThat(measured.get(0).report().metrics().embeddingMap().points()).hasSize(10);
        assertThat(measured.get(0).samples().get(first.get(3).id()).text())
                .isEqualTo(first.get(3).text());

        List<String> lines = viewModel.metricsTable().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("metric\t" + measured.get(0).heading() + "\t"
                        + measured.get(1).heading());
        assertThat(lines).contains("samples\t10\t6");
        String distinct1 = String.format(
                java.util.Locale.ROOT,
                "%.3f",
                measured.get(0).report().metrics().lexical().distinct().get(0).value());
        assertThat(lines).anyMatch(line -> line.startsWith("distinct-1\t" + distinct1 + "\t"));
        assertThat(lines).contains("accuracy (model)\t–\t–");
    }

    @Test
    void sideBySideMapsShareOnePcaWhileEachRunsSnapshotKeepsItsOwn() {
        viewModel.measure(bothRuns());
        Map<String, MapPoint> first = pointsByText(viewModel.measured().get(0));
        Map<String, MapPoint> second = pointsByText(viewModel.measured().get(1));

        // The fixture's runs tell the same six stories first: the same text lands on the same point in both maps.
        assertThat(second).hasSize(6);
        second.forEach((text, point) -> {
            assertThat(first.get(text).x()).isEqualTo(point.x());
            assertThat(first.get(text).y()).isEqualTo(point.y());
        });

        // Measured again, both runs come from their snapshots and are still put on the shared axes.
        viewModel.measure(bothRuns());
        assertThat(viewModel.measured()).allMatch(m -> m.report().cached());
        assertThat(pointsByText(viewModel.measured().get(0)))
                .usingRecursiveComparison()
                .isEqualTo(first);

        // Alone, the first run shows its snapshot's own map, fitted on its ten stories only.
        viewModel.measure(List.of(bothRuns().get(0)));
        MeasuredRun alone = viewModel.measured().get(0);
        assertThat(alone.report().cached()).isTrue();
        Map<String, MapPoint> own = pointsByText(alone);
        assertThat(own).hasSize(10);
        assertThat(own.keySet().stream()
                        .filter(text -> own.get(text).x() != first.get(text).x()))
                .isNotEmpty();
    }

    private static Map<String, MapPoint> pointsByText(MeasuredRun run) {
        Map<String, MapPoint> points = new LinkedHashMap<>();
        run.report()
                .metrics()
                .embeddingMap()
                .points()
                .forEach(p -> points.put(run.samples().get(p.sampleId()).text(), p));
        return points;
    }

    @Test
    void acceptedSamplesOnlyAndASecondLookComesFromTheSnapshot() {
        project.get()
                .decisions()
                .decide(List.of(
                        Decision.of(first.get(0).id(), DecisionStatus.ACCEPTED, null),
                        Decision.of(first.get(1).id(), DecisionStatus.ACCEPTED, null),
                        Decision.of(first.get(2).id(), DecisionStatus.REJECTED, null)));
        viewModel.statusProperty().set(StatusSelection.ACCEPTED);

        viewModel.measure(List.of(bothRuns().get(0)));
        MeasuredRun accepted = viewModel.measured().get(0);
        assertThat(accepted.report().metrics().samples()).isEqualTo(2);
        assertThat(accepted.samples())
                .containsOnlyKeys(first.get(0).id(), first.get(1).id());
        assertThat(accepted.report().cached()).isFalse();

        viewModel.measure(List.of(bothRuns().get(0)));
        assertThat(viewModel.measured().get(0).report().cached()).isTrue();
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aMeasuringThatEndsAfterAnotherProjectWasOpenedShowsNothingAndLeavesTheScreenFree() throws Exception {
        // The runs are listed (task 0), then the measuring (task 1) is held until another project is open.
        HeldTasks held = new HeldTasks();
        InsightsViewModel slow = new InsightsViewModel(
                project.map(p -> new InsightsSources(p.runSources(), p.metricSnapshots())),
                held,
                () -> new SampleEmbedder(MINI_LM),
                Bindings.createObjectBinding(() -> {
                    throw new AssertionError("no run is started here");
                }));
        held.run(0);
        slow.measure(List.of(slow.runs().get(0)));
        assertThat(slow.busyProperty().get()).isTrue();

        Path otherFile = dir.resolve("other.mv.db");
        RunFixture.promptVersion(otherFile, "other", PromptMode.SYNTHESIZE);
        Project stories = project.get();
        try {
            project.set(new H2ProjectOpener().open(otherFile));
            assertThat(slow.busyProperty().get()).isFalse();
            held.run(1);

            assertThat(slow.measured()).isEmpty();
            assertThat(slow.busyProperty().get()).isFalse();
            assertThat(slow.problemProperty().get()).isNull();
        } finally {
            stories.close();
        }
    }
}
