package io.siftbench.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.runs.EmbeddingModels;
import io.siftbench.model.curation.ClusterFirstOrder;
import io.siftbench.model.curation.CurationSettings;
import io.siftbench.model.curation.FlagKind;
import io.siftbench.model.curation.NearDuplicateMethod;
import io.siftbench.model.insights.InsightsProgress;
import io.siftbench.model.insights.RunSamples;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.insights.SampleText;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.review.ReviewSources;
import io.siftbench.views.review.ReviewViewModel;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import io.siftbench.views.task.TaskExecutor;
import io.siftbench.views.task.TaskHandle;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curation flags in the review queue and "reject all flagged by …" with one undo, on a real project. */
class ReviewCurationTest {

    @TempDir
    Path dir;

    private final SimpleObjectProperty<Project> project = new SimpleObjectProperty<>();

    @AfterEach
    void close() {
        project.get().close();
    }

    /** A project with a synthesize run of {@code count} fixture stories, told alternately angry and polite. */
    private List<Sample> stories(int count) throws Exception {
        Path file = dir.resolve("curate.mv.db");
        long version = RunFixture.promptVersion(file, "stories", PromptMode.SYNTHESIZE);
        project.set(new H2ProjectOpener().open(file));
        return RunFixture.run(project.get(), version, PromptMode.SYNTHESIZE, count);
    }

    @Test
    void keywordFlagsShowOnTheItemsAndRejectingThemAllIsUndoneAtOnce() throws Exception {
        List<Sample> samples = stories(10);
        ReviewViewModel viewModel = new ReviewViewModel(
                project.map(p -> new ReviewSources(p.runSources(), p.decisions())),
                new CurrentThreadTaskExecutor(),
                () -> new SampleEmbedder(EmbeddingModels.miniLm()));

        // The fixture's odd samples are told in a polite tone.
        viewModel
                .curationProperty()
                .set(new CurationSettings(
                        null, null, null, null, List.of("polite"), 0.7, 0.6, null, NearDuplicateMethod.MINHASH, 0.9));

        assertThat(viewModel.flagKinds()).containsExactly(FlagKind.PATTERN);
        assertThat(viewModel.items().get(1).flags())
                .singleElement()
                .asString()
                .startsWith("pattern: ")
                .contains("polite");
        assertThat(viewModel.items().get(0).flags()).isEmpty();
        assertThat(viewModel.currentProperty().get().flags()).isEmpty();

        assertThat(viewModel.rejectableBy(FlagKind.PATTERN))
                .as("the count the menu offers before")
                .isEqualTo(5);
        viewModel.rejectAllFlaggedBy(FlagKind.PATTERN);
        assertThat(viewModel.messageProperty().get())
                .as("and the count said after")
                .isEqualTo("Rejected 5 samples flagged by pattern in #1 stories v1; Ctrl+Z takes it back.");
        assertThat(viewModel.rejectableBy(FlagKind.PATTERN)).isZero();
        assertThat(project.get()
                        .decisions()
                        .currentOfRun(samples.get(0).runId())
                        .values())
                .hasSize(5)
                .allMatch(d -> d.status() == DecisionStatus.REJECTED);
        assertThat(viewModel.items())
                .filteredOn(item -> item.state().equals("rejected"))
                .extracting(ReviewItem::sampleId)
                .containsExactly(
                        samples.get(1).id(),
                        samples.get(3).id(),
                        samples.get(5).id(),
                        samples.get(7).id(),
                        samples.get(9).id());

        viewModel.undo();
        assertThat(viewModel.messageProperty().get()).isEqualTo("Undid the rejection of 5 samples in #1 stories v1.");
        assertThat(project.get().decisions().currentOfRun(samples.get(0).runId()))
                .isEmpty();
        assertThat(viewModel.items()).allMatch(item -> item.state().equals(ReviewItem.UNDECIDED));
    }

    /**
     * Runs background tasks only when told, one by one, as a busy pool would: the card must not wait for them.
     * Counts the tasks run by title.
     */
    private static final class DeferredTasks implements TaskExecutor {
        private final Deque<BackgroundTask<?>> pending = new ArrayDeque<>();
        private final List<String> ran = new ArrayList<>();

        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            pending.add(task);
            return () -> {};
        }

        @Override
        public Executor uiThread() {
            return Runnable::run;
        }

        /** Runs every task, those the tasks start included, calling {@code afterEach} after each one. */
        void runAll(Runnable afterEach) {
            while (!pending.isEmpty()) {
                BackgroundTask<?> task = pending.pollFirst();
                ran.add(task.title());
                new CurrentThreadTaskExecutor().execute(task);
                afterEach.run();
            }
        }

        void runAll() {
            runAll(() -> {});
        }
    }

    @Test
    void aSampleLikeOneJustAcceptedWarnsWithTheAcceptedSampleAndTheCardNeverWaitsForIt() throws Exception {
        Path file = dir.resolve("similar.mv.db");
        long version = RunFixture.promptVersion(file, "questions", PromptMode.SYNTHESIZE);
        project.set(new H2ProjectOpener().open(file));
        // MiniLM puts the first and the third at cosine 0.91, the second far from both (0.08 and 0.05).
        List<Sample> samples = RunFixture.synthesized(
                project.get(),
                version,
                List.of(
                        "My card has not arrived yet.",
                        "What is the exchange rate for euros?",
                        "My new card has not arrived yet."));
        DeferredTasks tasks = new DeferredTasks();
        ReviewViewModel viewModel = new ReviewViewModel(
                project.map(p -> new ReviewSources(p.runSources(), p.decisions())),
                tasks,
                () -> new SampleEmbedder(EmbeddingModels.miniLm()));
        tasks.runAll();
        viewModel.moveTo(2);
        tasks.runAll();
        assertThat(viewModel.similarWarningProperty().get())
                .as("nothing is accepted yet")
                .isEmpty();

        viewModel.moveTo(0);
        viewModel.accept();
        assertThat(viewModel.currentProperty().get().sampleId())
                .isEqualTo(samples.get(1).id());
        tasks.runAll();
        assertThat(viewModel.similarWarningProperty().get())
                .as("the unrelated question")
                .isEmpty();
        viewModel.skip();
        // The third card shows at once; its warning is still being computed when the researcher goes back and
        // forth between the cards fifty times.
        assertThat(viewModel.currentProperty().get().sampleId())
                .isEqualTo(samples.get(2).id());
        assertThat(viewModel.similarWarningProperty().get()).isEmpty();
        for (int i = 0; i < 25; i++) {
            viewModel.moveTo(1);
            viewModel.moveTo(2);
        }
        viewModel.moveTo(1);
        tasks.ran.clear();
        // The overtaken checks never show, not even for a moment, and the burst cost two checks, not fifty-one.
        tasks.runAll(() -> assertThat(viewModel.similarWarningProperty().get()).isEmpty());
        assertThat(viewModel.currentProperty().get().sampleId())
                .isEqualTo(samples.get(1).id());
        assertThat(tasks.ran)
                .filteredOn("Comparing with the accepted samples"::equals)
                .hasSize(2);

        viewModel.moveTo(2);
        tasks.runAll();
        assertThat(viewModel.similarWarningProperty().get())
                .matches("too similar to accepted: 0\\.9\\d similar to #"
                        + samples.get(0).id() + ", accepted");

        // A stricter threshold among the curation thresholds: the same card passes.
        viewModel
                .curationProperty()
                .set(new CurationSettings(
                        null, null, null, null, List.of(), 0.7, 0.6, null, NearDuplicateMethod.MINHASH, 0.95));
        tasks.runAll();
        assertThat(viewModel.currentProperty().get().sampleId())
                .isEqualTo(samples.get(2).id());
        assertThat(viewModel.similarWarningProperty().get()).isEmpty();
    }

    @Test
    void embeddingOrdersPutTheUndecidedFirstInTheEnginesOrderAndTheDecidedLast() throws Exception {
        List<Sample> samples = stories(24);
        project.get().decisions().decide(Decision.of(samples.get(0).id(), DecisionStatus.ACCEPTED, null));
        ReviewViewModel viewModel = new ReviewViewModel(
                project.map(p -> new ReviewSources(p.runSources(), p.decisions())),
                new CurrentThreadTaskExecutor(),
                () -> new SampleEmbedder(EmbeddingModels.miniLm()));

        viewModel.orderProperty().set(QueueOrder.ONE_PER_CLUSTER);

        List<SampleText> pending = new SampleEmbedder(EmbeddingModels.miniLm())
                .embed(
                        RunSamples.load(
                                        project.get().runSources(),
                                        samples.get(0).runId())
                                .samples()
                                .subList(1, 24),
                        InsightsProgress.NONE);
        List<Long> expected = new ArrayList<>(new ClusterFirstOrder(ClusterFirstOrder.DEFAULT_CLUSTERS, 7)
                .order(pending, List.of()).stream().map(SampleText::id).toList());
        expected.add(samples.get(0).id());
        assertThat(viewModel.items()).extracting(ReviewItem::sampleId).containsExactlyElementsOf(expected);
        assertThat(expected.subList(0, 23))
                .isNotEqualTo(samples.subList(1, 24).stream().map(Sample::id).toList());

        viewModel.orderProperty().set(QueueOrder.DIVERSE_REPRESENTATIVE);
        assertThat(viewModel.items())
                .hasSize(24)
                .last()
                .extracting(ReviewItem::sampleId)
                .isEqualTo(samples.get(0).id());
        assertThat(viewModel.items())
                .extracting(ReviewItem::sampleId)
                .containsExactlyInAnyOrderElementsOf(
                        samples.stream().map(Sample::id).toList());
    }
}
