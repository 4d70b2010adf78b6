package io.siftbench.app.insights;

import io.siftbench.app.runs.EmbeddingModels;
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
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Insights view model on a real project with the real MiniLM, its work run on the calling thread. */
class InsightsViewModelTest {

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
        viewModel = new InsightsViewModel(project, new CurrentThreadTaskExecutor(),
                () -> new SampleEmbedder(EmbeddingModels.miniLm()), open -> {
                    throw new AssertionError("no run is started here");
                });
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
        assertThat(measured.get(0).sharedWords().start()).isEqualTo(measured.get(1).sharedWords().start());
        assertThat(measured.get(0).sharedWords().width()).isEqualTo(measured.get(1).sharedWords().width());
        assertThat(Arrays.stream(measured.get(0).sharedWords().counts()).sum()).isEqualTo(10);
        assertThat(Arrays.stream(measured.get(1).sharedWords().counts()).sum()).isEqualTo(6);
        assertThat(measured.get(0).report().metrics().embeddingMap().points()).hasSize(10);
        assertThat(measured.get(0).samples().get(first.get(3).id()).text()).isEqualTo(first.get(3).text());

        List<String> lines = viewModel.metricsTable().lines().toList();
        assertThat(lines.get(0)).isEqualTo("metric\t" + measured.get(0).heading() + "\t" + measured.get(1).heading());
        assertThat(lines).contains("samples\t10\t6");
        String distinct1 = String.format(java.util.Locale.ROOT, "%.3f",
                measured.get(0).report().metrics().lexical().distinct().get(0).value());
        assertThat(lines).anyMatch(line -> line.startsWith("distinct-1\t" + distinct1 + "\t"));
        assertThat(lines).contains("accuracy (model)\t–\t–");
    }

    @Test
    void acceptedSamplesOnlyAndASecondLookComesFromTheSnapshot() {
        project.get().decisions().decide(List.of(Decision.of(first.get(0).id(), DecisionStatus.ACCEPTED, null),
                Decision.of(first.get(1).id(), DecisionStatus.ACCEPTED, null),
                Decision.of(first.get(2).id(), DecisionStatus.REJECTED, null)));
        viewModel.statusProperty().set(StatusSelection.ACCEPTED);

        viewModel.measure(List.of(bothRuns().get(0)));
        MeasuredRun accepted = viewModel.measured().get(0);
        assertThat(accepted.report().metrics().samples()).isEqualTo(2);
        assertThat(accepted.samples()).containsOnlyKeys(first.get(0).id(), first.get(1).id());
        assertThat(accepted.report().cached()).isFalse();

        viewModel.measure(List.of(bothRuns().get(0)));
        assertThat(viewModel.measured().get(0).report().cached()).isTrue();
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
    }
}
