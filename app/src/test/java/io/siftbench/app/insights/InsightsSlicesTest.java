package io.siftbench.app.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siftbench.model.insights.DistinctN;
import io.siftbench.model.insights.MetricSlice;
import io.siftbench.model.insights.StatusSelection;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.views.insights.InsightsViewModel;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Insights screen's slices on a real project with runs made by the real run machinery against a loopback
 * server that answers each request with its user message: "A story about dragons in a sad mood." and so on, so
 * that every figure can be counted by hand.
 */
class InsightsSlicesTest {

    @TempDir
    Path dir;

    private LoopbackRuns runs;
    private RunInfo first;
    private RunInfo second;
    private InsightsViewModel viewModel;

    @BeforeEach
    void twoRunsOfOneVersion() throws Exception {
        runs = new LoopbackRuns(dir.resolve("slices"));
        // Plan "all" over 2 topics × 2 moods: 8 samples are every combination twice, 4 every combination once.
        first = runs.stories(StoryPrompt.twoMoods(), 8);
        RunConfig like = first.config();
        second = runs.start(new RunConfig(
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
        viewModel = new InsightsViewModel(
                new SimpleObjectProperty<>(runs.insights()),
                new CurrentThreadTaskExecutor(),
                null,
                Bindings.createObjectBinding(() -> {
                    throw new AssertionError("no run is started here");
                }));
    }

    @AfterEach
    void close() {
        runs.close();
    }

    @Test
    void theChooserOffersTheRunItsPromptVersionAndEveryDeclaredConditionValue() {
        viewModel.chooseSlicesOf(first);

        assertThat(viewModel.slices())
                .containsExactly(
                        MetricSlice.RUN,
                        MetricSlice.PROMPT_VERSION,
                        MetricSlice.condition("topic", "dragons"),
                        MetricSlice.condition("topic", "trains"),
                        MetricSlice.condition("mood", "sad"),
                        MetricSlice.condition("mood", "happy"));
        assertThat(viewModel.sliceProperty().get()).isEqualTo(MetricSlice.RUN);
    }

    @Test
    void oneConditionValueIsMeasuredOnItsSamplesAndNamedInTheHeadingAndTheCopiedTable() {
        viewModel.sliceProperty().set(MetricSlice.condition("mood", "sad"));

        viewModel.measure(List.of(first));

        assertThat(viewModel.problemProperty().get()).isNull();
        MeasuredRun sad = viewModel.measured().get(0);
        // The 4 sad stories, "A story about T in a sad mood.": 8 tokens each, 32 in all; the different ones are a,
        // story, about, in, sad, mood and the two topics: 8, so distinct-1 = 8 / 32. Bigrams: 7 a story, 28 in all;
        // a story, story about, about dragons, about trains, dragons in, trains in, in a, a sad, sad mood: 9.
        assertThat(sad.report().metrics().samples()).isEqualTo(4);
        assertThat(sad.samples().values())
                .allSatisfy(s -> assertThat(s.conditions()).containsEntry("mood", "sad"));
        assertThat(sad.report().metrics().lexical().tokens()).isEqualTo(32);
        assertThat(sad.report().metrics().lexical().vocabularySize()).isEqualTo(8);
        assertThat(distinct(sad, 1)).isCloseTo(8 / 32.0, within(1e-12));
        assertThat(distinct(sad, 2)).isCloseTo(9 / 28.0, within(1e-12));
        assertThat(sad.heading()).isEqualTo("#" + first.id() + " story v1 · condition mood=sad");
        assertThat(viewModel.metricsTable().lines().findFirst()).contains("metric\t" + sad.heading());
        assertThat(viewModel.metricsTable()).contains("samples\t4\n");

        viewModel.measure(List.of(first));
        assertThat(viewModel.measured().get(0).report().cached())
                .as("the slice's own snapshot")
                .isTrue();
        viewModel.sliceProperty().set(MetricSlice.RUN);
        viewModel.measure(List.of(first));
        assertThat(viewModel.measured().get(0).report().metrics().samples()).isEqualTo(8);
        assertThat(viewModel.measured().get(0).heading()).isEqualTo("#" + first.id() + " story v1");
    }

    @Test
    void aPromptVersionSliceMeasuresEveryRunOfTheVersionAsOneSet() {
        viewModel.sliceProperty().set(MetricSlice.PROMPT_VERSION);

        viewModel.measure(List.of(second));

        MeasuredRun version = viewModel.measured().get(0);
        // 8 + 4 stories of 8 tokens: 96; the different tokens are a, story, about, in, mood, two topics, two moods.
        assertThat(version.report().metrics().samples()).isEqualTo(12);
        assertThat(version.samples()).hasSize(12);
        assertThat(version.report().run()).isEqualTo(first.id());
        assertThat(version.report().metrics().lexical().tokens()).isEqualTo(96);
        assertThat(distinct(version, 1)).isCloseTo(9 / 96.0, within(1e-12));
        assertThat(version.heading())
                .isEqualTo("#" + second.id() + " story v1 · prompt story@1 runs " + first.id() + ", " + second.id());
    }

    @Test
    void sideBySideEachRunTakesItsOwnSliceAndARunWithoutTheConditionIsLeftOutWithAReason() throws Exception {
        RunInfo plain = runs.stories(
                """
                {"name": "plain", "mode": "synthesize", "template": {"user": "A story."},
                 "conditions": [{"name": "topic", "values": [{"value": "dragons"}]}],
                 "output": {"schema": {"type": "object", "properties": {"text": {"type": "string"}},
                                       "required": ["text"]}}}""",
                2);
        viewModel.statusProperty().set(StatusSelection.ALL);
        viewModel.sliceProperty().set(MetricSlice.condition("mood", "happy"));

        viewModel.measure(List.of(first, second));
        assertThat(viewModel.measured())
                .extracting(m -> m.report().metrics().samples())
                .containsExactly(4, 2);
        assertThat(viewModel.noteProperty().get()).isEmpty();

        viewModel.measure(List.of(first, plain));
        assertThat(viewModel.problemProperty().get()).isNull();
        assertThat(viewModel.measured())
                .extracting(MeasuredRun::run)
                .extracting(RunInfo::id)
                .containsExactly(first.id());
        assertThat(viewModel.noteProperty().get())
                .isEqualTo("#" + plain.id()
                        + " plain v1 is not compared: The prompt has no condition 'mood'; it has topic.");

        // The other way round the measured run itself lacks it: that is a problem, and what was shown stays.
        viewModel.measure(List.of(plain, first));
        assertThat(viewModel.problemProperty().get().message()).contains("The prompt has no condition 'mood'");
        assertThat(viewModel.measured())
                .extracting(MeasuredRun::run)
                .extracting(RunInfo::id)
                .containsExactly(first.id());
    }

    private static double distinct(MeasuredRun run, int n) {
        return run.report().metrics().lexical().distinct().stream()
                .filter(d -> d.n() == n)
                .findFirst()
                .map(DistinctN::value)
                .orElseThrow();
    }
}
