package io.siftbench.app.review;

import static io.siftbench.model.review.DecisionStatus.ACCEPTED;
import static io.siftbench.model.review.DecisionStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.app.ShellSession;
import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.review.Decision;
import io.siftbench.model.review.DecisionStatus;
import io.siftbench.model.review.ReviewItem;
import io.siftbench.model.runs.Sample;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.testing.RunFixture;
import io.siftbench.views.review.ReviewViewModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Review's table mode clicked through in the real shell: rows chosen with click, Shift+click and Ctrl+click,
 * accepted in bulk with one button, and another row rejected; the decisions are in the project afterwards.
 */
class ReviewTableUiTest {

    @RegisterExtension
    static final ShellSession SESSION = new ShellSession();

    @TempDir
    Path dir;

    private final FxRobot robot = SESSION.robot();

    @Test
    void selectedRowsAreAcceptedInBulkByClicking() throws Exception {
        Path file = dir.resolve("table.mv.db");
        long version = RunFixture.promptVersion(file, "p", PromptMode.ANNOTATE);
        List<Sample> samples;
        try (Project project = new H2ProjectOpener().open(file)) {
            samples = RunFixture.run(project, version, PromptMode.ANNOTATE, 8);
        }
        ReviewViewModel review =
                SESSION.start(dir.resolve("settings.json"), file).review();
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> review.items().size() == 8);
        robot.clickOn("#review-table-mode-toggle");

        robot.clickOn(row(1));
        robot.press(KeyCode.SHIFT).clickOn(row(3)).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).clickOn(row(6)).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#bulk-accept").queryButton().getText())
                .as("how many samples the button acts on, before it is pressed")
                .isEqualTo("Accept 4 selected");
        robot.clickOn("#bulk-accept");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> message().equals("Accepted 4 samples in #1 p v1; Ctrl+Z takes it back."));
        robot.clickOn(row(7));
        assertThat(robot.lookup("#bulk-reject").queryButton().getText()).isEqualTo("Reject 1 selected");
        robot.clickOn("#bulk-reject");

        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> review.isSaved() && review.items().get(7).state().equals(REJECTED.id()));
        assertThat(review.items())
                .extracting(ReviewItem::state)
                .containsExactly(
                        ReviewItem.UNDECIDED,
                        "accepted",
                        "accepted",
                        "accepted",
                        ReviewItem.UNDECIDED,
                        ReviewItem.UNDECIDED,
                        "accepted",
                        "rejected");
        SESSION.quit();

        // After a restart, an undo says what it took back, on which sample and in which run.
        ReviewViewModel again =
                SESSION.start(dir.resolve("settings.json"), file).review();
        robot.clickOn("#nav-review");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> again.items().size() == 8);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message()
                .equals("Undid the rejection of sample #" + samples.get(7).id() + " in #1 p v1; it is undecided now."));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message()
                .equals("Redid the rejection of sample #" + samples.get(7).id() + " in #1 p v1."));
        SESSION.quit();

        try (Project project = new H2ProjectOpener().open(file)) {
            List<DecisionStatus> statuses = samples.stream()
                    .map(s -> project.decisions()
                            .current(s.id())
                            .map(Decision::status)
                            .orElse(null))
                    .toList();
            assertThat(statuses)
                    .containsExactlyElementsOf(
                            Arrays.asList(null, ACCEPTED, ACCEPTED, ACCEPTED, null, null, ACCEPTED, REJECTED));
            assertThat(project.decisions().undo())
                    .as("the newest action: the one rejection")
                    .get()
                    .satisfies(action -> assertThat(action.decisions()).hasSize(1));
            assertThat(project.decisions().undo())
                    .as("the bulk accept, one action")
                    .get()
                    .satisfies(action -> assertThat(action.decisions()).hasSize(4));
        }
    }

    private String message() {
        return robot.lookup("#review-message")
                .queryAs(javafx.scene.control.Label.class)
                .getText();
    }

    /** The table row showing the queue's item {@code index}. */
    private TableRow<?> row(int index) {
        return robot.lookup("#review-table .table-row-cell")
                .match((TableRow<?> r) -> r.getIndex() == index && !r.isEmpty())
                .query();
    }
}
