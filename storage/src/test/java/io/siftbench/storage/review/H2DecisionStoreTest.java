package io.siftbench.storage.review;

import static io.siftbench.model.review.DecisionStatus.ACCEPTED;
import static io.siftbench.model.review.DecisionStatus.EDITED;
import static io.siftbench.model.review.DecisionStatus.REJECTED;
import static io.siftbench.model.review.DecisionStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionAction;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.DecisionStore;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions in a real project file: append-only history, the newest counts, undo and redo across reopens. */
class H2DecisionStoreTest {

    @TempDir
    Path dir;

    private Path file;
    private Project project;
    private List<Sample> samples;

    @BeforeEach
    void runWithSamples() throws Exception {
        file = dir.resolve("review.mv.db");
        long version = RunFixture.promptVersion(file, "intents", PromptMode.ANNOTATE);
        project = new H2ProjectOpener().open(file);
        samples = RunFixture.run(project, version, PromptMode.ANNOTATE, 12);
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void newestDecisionCountsAndTheWholeHistoryStays() {
        long id = samples.get(0).id();
        DecisionStore store = project.decisions();

        store.decide(Decision.of(id, ACCEPTED, null));
        store.decide(Decision.edit(id, null, "card_linking", "model mixed up arrival and linking"));
        store.decide(Decision.of(id, REJECTED, "on second thought"));

        assertThat(store.current(id)).get().extracting(Decision::status).isEqualTo(REJECTED);
        assertThat(store.history(id)).extracting(Decision::status).containsExactly(ACCEPTED, EDITED, REJECTED);
        assertThat(store.history(id).get(1).editedLabel()).isEqualTo("card_linking");
        assertThat(store.history(id).get(1).note()).isEqualTo("model mixed up arrival and linking");
        assertThat(store.current(samples.get(1).id())).isEmpty();
    }

    @Test
    void undoAndRedoWalkTheHistoryAfterTheFileIsOpenedAgain() {
        // 30 actions: far past any fixed undo limit an editor might have.
        for (int round = 0; round < 3; round++) {
            for (Sample s : samples.subList(0, 10)) {
                project.decisions().decide(Decision.of(s.id(), round % 2 == 0 ? ACCEPTED : REJECTED, null));
            }
        }
        reopen();

        for (int i = 0; i < 15; i++) {
            assertThat(project.decisions().undo()).as("undo %d", i).isPresent();
        }
        reopen();
        // Rounds 1 and 2 are gone except round 1's first five; round 0 stands for the other five.
        assertThat(status(0)).isEqualTo(REJECTED);
        assertThat(status(4)).isEqualTo(REJECTED);
        assertThat(status(5)).isEqualTo(ACCEPTED);
        for (int i = 0; i < 15; i++) {
            assertThat(project.decisions().undo()).isPresent();
        }
        assertThat(project.decisions().undo()).isEmpty();
        assertThat(project.decisions().current(samples.get(0).id())).isEmpty();

        DecisionAction redone = project.decisions().redo().orElseThrow();
        assertThat(redone.sampleIds()).containsExactly(samples.get(0).id());
        assertThat(redone.current().get(0).status()).isEqualTo(ACCEPTED);
        reopen();
        assertThat(status(0)).isEqualTo(ACCEPTED);
        assertThat(project.decisions().history(samples.get(0).id())).hasSize(3);
    }

    @Test
    void aNewDecisionAfterUndoEndsWhatCouldBeRedone() {
        long a = samples.get(0).id();
        long b = samples.get(1).id();
        project.decisions().decide(Decision.of(a, ACCEPTED, null));
        project.decisions().decide(Decision.of(b, ACCEPTED, null));
        project.decisions().undo();

        project.decisions().decide(Decision.of(a, SKIPPED, null));

        assertThat(project.decisions().redo()).isEmpty();
        assertThat(project.decisions().current(b)).isEmpty();
        DecisionAction undone = project.decisions().undo().orElseThrow();
        assertThat(undone.current().get(0).status())
                .as("the first accept counts again")
                .isEqualTo(ACCEPTED);
    }

    @Test
    void bulkDecisionIsUndoneInOneStep() {
        List<Decision> flagged = samples.stream()
                .filter(s -> !s.valid())
                .map(s -> Decision.of(s.id(), REJECTED, "invalid output"))
                .toList();
        project.decisions().decide(Decision.of(samples.get(0).id(), ACCEPTED, null));
        assertThat(flagged).hasSize(2);

        DecisionAction bulk = project.decisions().decide(flagged);
        assertThat(project.decisions().currentOfRun(samples.get(0).runId())).hasSize(3);

        DecisionAction undone = project.decisions().undo().orElseThrow();
        assertThat(undone.id()).isEqualTo(bulk.id());
        assertThat(undone.current()).containsOnlyNulls();
        assertThat(project.decisions().currentOfRun(samples.get(0).runId()))
                .containsOnlyKeys(samples.get(0).id());
    }

    @Test
    void anEditKeepsTheModelsOriginalBesideTheResearchersVersion() {
        Sample s = samples.get(2);
        project.decisions().decide(Decision.edit(s.id(), "question 2 about my card, rephrased", "pin_blocked", null));

        assertThat(project.decisions().edits(s.runId()))
                .containsExactly(new DecisionStore.Edit(
                        s.id(), s.text(), s.label(), "question 2 about my card, rephrased", "pin_blocked"));
        assertThat(project.samples().find(s.id()).orElseThrow().label()).isEqualTo("exchange_rate");
        ReviewItem item = project.review().items(s.runId()).get(2);
        assertThat(item.label()).isEqualTo("pin_blocked");
        assertThat(item.state()).isEqualTo("edited");
    }

    @Test
    void decisionOnAMissingSampleIsRefusedAndRecordsNothing() {
        long good = samples.get(0).id();

        assertThatThrownBy(() -> project.decisions()
                        .decide(List.of(Decision.of(good, ACCEPTED, null), Decision.of(999_999, ACCEPTED, null))))
                .hasMessageContaining("there is no sample 999999");

        assertThat(project.decisions().history(good)).isEmpty();
        assertThat(project.decisions().undo()).isEmpty();
    }

    @Test
    void reviewPositionAndLabelsAreRemembered() {
        long run = samples.get(0).runId();
        assertThat(project.review().position(run)).isEmpty();
        project.review().savePosition(run, samples.get(3).id());
        project.review().savePosition(run, samples.get(5).id());
        reopen();

        assertThat(project.review().position(run)).contains(samples.get(5).id());
        assertThat(project.review().labels(run)).isEqualTo(RunFixture.LABELS);
        assertThat(project.review().items(run))
                .extracting(ReviewItem::sampleId)
                .containsExactlyElementsOf(samples.stream().map(Sample::id).toList());
    }

    private DecisionStatus status(int sample) {
        return project.decisions()
                .current(samples.get(sample).id())
                .orElseThrow()
                .status();
    }

    /** Closes the file and opens it again, as a restart of the application would. */
    private void reopen() {
        project.close();
        project = new H2ProjectOpener().open(file);
    }
}
