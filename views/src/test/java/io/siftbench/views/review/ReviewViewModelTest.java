package io.siftbench.views.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.siftbench.model.curation.RunCuration;
import io.siftbench.model.insights.SampleEmbedder;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.QueueFilter;
import io.siftbench.model.review.QueueOrder;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review view model on a real project file, its background work run on the calling thread. */
class ReviewViewModelTest {

    /** The bundled MiniLM, as the app embeds with it; loaded once, as loading it takes a while. */
    private static final EmbeddingModel MINI_LM = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @TempDir
    Path dir;

    private final SimpleObjectProperty<Project> project = new SimpleObjectProperty<>();
    private Path file;
    private List<Sample> samples;
    private ReviewViewModel viewModel;

    @AfterEach
    void close() {
        if (project.get() != null) {
            project.get().close();
        }
    }

    @Test
    void decisionsMoveOnUndoGoesBackRedoForwardAndARestartComesBackToTheSameCard() throws Exception {
        open(PromptMode.ANNOTATE, 10);
        assertThat(current()).isEqualTo(samples.get(0).id());

        viewModel.accept();
        viewModel.noteProperty().set("looks right");
        viewModel.accept();
        viewModel.reject();
        viewModel.skip();
        assertThat(current()).isEqualTo(samples.get(4).id());
        assertThat(viewModel.decidedProperty().get()).isEqualTo(3);
        assertThat(viewModel.acceptRateProperty().get()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(viewModel.noteProperty().get()).isEmpty();
        assertThat(project.get().decisions().current(samples.get(1).id()))
                .get()
                .extracting(Decision::note)
                .isEqualTo("looks right");

        viewModel.undo();
        viewModel.undo();
        assertThat(current()).isEqualTo(samples.get(2).id());
        assertThat(viewModel.currentProperty().get().state()).isEqualTo(ReviewItem.UNDECIDED);
        assertThat(viewModel.decidedProperty().get()).isEqualTo(2);
        viewModel.redo();
        assertThat(current()).isEqualTo(samples.get(3).id());
        assertThat(viewModel.items().get(2).state()).isEqualTo("rejected");

        restart();
        assertThat(current()).isEqualTo(samples.get(3).id());
        assertThat(viewModel.decidedProperty().get()).isEqualTo(3);
        viewModel.undo();
        assertThat(current())
                .as("undo after a restart")
                .isEqualTo(samples.get(2).id());
        assertThat(project.get().decisions().current(samples.get(2).id())).isEmpty();
    }

    @Test
    void labelKeysAcceptTheModelsLabelAndEditAnyOther() throws Exception {
        open(PromptMode.ANNOTATE, 3);
        assertThat(viewModel.labels()).containsExactlyElementsOf(RunFixture.LABELS);
        String modelsLabel = samples.get(0).label();

        viewModel.chooseLabel(RunFixture.LABELS.indexOf(modelsLabel) + 1);
        viewModel.chooseLabel(5);
        viewModel.chooseLabel(10);

        assertThat(project.get().decisions().current(samples.get(0).id()))
                .get()
                .extracting(Decision::status)
                .isEqualTo(DecisionStatus.ACCEPTED);
        Decision edit = project.get().decisions().current(samples.get(1).id()).orElseThrow();
        assertThat(edit.status()).isEqualTo(DecisionStatus.EDITED);
        assertThat(edit.editedLabel()).isEqualTo(RunFixture.LABELS.get(4));
        assertThat(current())
                .as("a key without a label does nothing")
                .isEqualTo(samples.get(2).id());
    }

    @Test
    void synthesizeEditKeepsTheTextAndUnchangedTextIsAnAcceptance() throws Exception {
        open(PromptMode.SYNTHESIZE, 2);

        viewModel.saveEdit(samples.get(0).text(), null);
        viewModel.saveEdit("a calmer story", null);

        assertThat(project.get()
                        .decisions()
                        .current(samples.get(0).id())
                        .orElseThrow()
                        .status())
                .isEqualTo(DecisionStatus.ACCEPTED);
        assertThat(project.get().decisions().edits(samples.get(0).runId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.originalText()).isEqualTo(samples.get(1).text());
                    assertThat(e.editedText()).isEqualTo("a calmer story");
                });
    }

    @Test
    void bulkRejectOfTheFlaggedIsOneUndoableAction() throws Exception {
        open(PromptMode.ANNOTATE, 10);
        viewModel.filterProperty().set(QueueFilter.ALL.withFlags(Set.of(ReviewItem.FLAG_INVALID)));
        List<Long> flagged =
                viewModel.items().stream().map(ReviewItem::sampleId).toList();
        assertThat(flagged).containsExactly(samples.get(4).id(), samples.get(9).id());

        viewModel.decideAll(flagged, DecisionStatus.REJECTED);
        assertThat(viewModel.items()).extracting(ReviewItem::state).containsOnly("rejected");
        viewModel.undo();

        assertThat(viewModel.items()).extracting(ReviewItem::state).containsOnly(ReviewItem.UNDECIDED);
        assertThat(project.get().decisions().currentOfRun(samples.get(0).runId()))
                .isEmpty();
    }

    @Test
    void orderAndFilterReloadTheQueue() throws Exception {
        open(PromptMode.ANNOTATE, 8);
        viewModel.orderProperty().set(QueueOrder.LOWEST_CONFIDENCE);
        assertThat(viewModel.items()).extracting(i -> i.sample().confidence()).isSorted();
        viewModel.labelAll(List.of(samples.get(0).id(), samples.get(1).id()), "pin_blocked");
        viewModel.filterProperty().set(QueueFilter.ALL.withLabels(Set.of("pin_blocked")));

        assertThat(viewModel.items())
                .extracting(ReviewItem::sampleId)
                .containsExactlyInAnyOrder(
                        samples.get(0).id(), samples.get(1).id(), samples.get(4).id());
        assertThat(viewModel.size()).isEqualTo(3);
    }

    @Test
    void openingAnotherProjectShowsItsOwnRunsQueueEvenWhenTheRunIdsAreTheSame() throws Exception {
        open(PromptMode.ANNOTATE, 4);
        Path other = dir.resolve("other.mv.db");
        long version = RunFixture.promptVersion(other, "p", PromptMode.SYNTHESIZE);
        Project second = new H2ProjectOpener().open(other);
        List<Sample> stories = RunFixture.run(second, version, PromptMode.SYNTHESIZE, 3);
        assertThat(stories.get(0).runId())
                .as("both projects' runs are #" + samples.get(0).runId())
                .isEqualTo(samples.get(0).runId());
        Project first = project.get();

        project.set(second);
        first.close();

        assertThat(viewModel.size()).isEqualTo(3);
        assertThat(viewModel.currentProperty().get().sample().text())
                .isEqualTo(stories.get(0).text());
        assertThat(viewModel.modeProperty().get()).isEqualTo(PromptMode.SYNTHESIZE);
    }

    @Test
    void findingLabelDoubtsInARunWithoutLabelsSaysWhyInsteadOfDoingNothing() throws Exception {
        open(PromptMode.SYNTHESIZE, 4);

        viewModel.findLabelDoubts();

        assertThat(viewModel.messageProperty().get())
                .matches("#\\d+ .+ has no labelled samples to doubt: label doubts need an annotate run, or a"
                        + " synthesize run whose samples carry a label\\.");
        assertThat(viewModel.findingDoubtsProperty().get()).isFalse();
        assertThat(viewModel.items())
                .allSatisfy(item -> assertThat(item.flags()).noneMatch(flag -> flag.startsWith("label doubt")));
    }

    @Test
    void anEmbeddingOrderOfARunTooLargeForItIsRefusedBeforeAnythingIsEmbeddedAndSaysWhatToDo() throws Exception {
        open(PromptMode.SYNTHESIZE, RunCuration.EMBEDDED_AT_MOST + 1);
        assertThat(viewModel.size()).isEqualTo(50_001);

        viewModel.orderProperty().set(QueueOrder.ONE_PER_CLUSTER);

        assertThat(viewModel.messageProperty().get())
                .isEqualTo("One per cluster first (k-means) compares every sample's embedding with the others, which"
                        + " a run of 50,001 samples is too large for (at most 50,000); choose another order.");
        assertThat(viewModel.size()).as("the queue shown stays").isEqualTo(50_001);
        assertThat(current()).isEqualTo(samples.get(0).id());
    }

    private void open(PromptMode mode, int count) throws Exception {
        file = dir.resolve("review.mv.db");
        long version = RunFixture.promptVersion(file, "p", mode);
        Project opened = new H2ProjectOpener().open(file);
        samples = RunFixture.run(opened, version, mode, count);
        project.set(opened);
        viewModel = new ReviewViewModel(
                project.map(p -> new ReviewSources(p.runSources(), p.decisions())),
                new CurrentThreadTaskExecutor(),
                () -> new SampleEmbedder(MINI_LM));
    }

    /** Closes the project and builds a new view model on it opened again, as a restart would. */
    private void restart() {
        viewModel.flush();
        Project old = project.get();
        project.set(null);
        old.close();
        project.set(new H2ProjectOpener().open(file));
        viewModel = new ReviewViewModel(
                project.map(p -> new ReviewSources(p.runSources(), p.decisions())),
                new CurrentThreadTaskExecutor(),
                () -> new SampleEmbedder(MINI_LM));
    }

    private long current() {
        return viewModel.currentProperty().get().sampleId();
    }
}
